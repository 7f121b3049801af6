/**
 * The MPJ Express backend: a {@link org.adjoint4j.mpi.Communicator} over MPJ's COMM_WORLD and the
 * per-rank entry points that the launchers (and MPJ's own mpjrun) start. Only these classes refer to
 * MPJ Express; they are loaded in rank JVMs (or rank class loaders), never by a launcher.
 */
package org.adjoint4j.mpi.mpj;
