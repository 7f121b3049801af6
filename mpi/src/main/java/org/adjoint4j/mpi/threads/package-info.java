/**
 * In-process ranks: threads of one JVM that exchange messages through shared memory. The backend of
 * {@code --ranks P} on a workstation and of fast unit tests; needs no MPI library.
 */
package org.adjoint4j.mpi.threads;
