/**
 * Starting the ranks of a job: in-process threads, MPJ Express's multicore device in a child JVM,
 * or niodev processes without daemons or ssh; each ends the whole job when one rank fails.
 */
package org.adjoint4j.mpi.launch;
