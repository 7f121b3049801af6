/**
 * Communication between the ranks of a distributed run: the {@link org.adjoint4j.mpi.Communicator}
 * contract and its backends. Nothing here knows about adjoints, PDEs or checkpointing.
 */
package org.adjoint4j.mpi;
