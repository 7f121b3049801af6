package org.adjoint4j.mpi;

/**
 * The ranks of one distributed run, as seen from one of them.
 *
 * <p>Every collective call ({@code allreduce}, {@code barrier}) must be made by all ranks in the same
 * order. Reductions are deterministic for a given rank count: the result does not depend on timing.
 */
public interface Communicator {

    /** This rank's number, {@code 0 <= rank() < size()}. */
    int rank();

    /** Number of ranks. */
    int size();

    /**
     * Reduces one value over all ranks and returns the result on every rank.
     *
     * @param value this rank's contribution (not modified)
     */
    double allreduce(double value, ReduceOp op);

    /**
     * Reduces {@code data[offset .. offset+length)} element-wise over all ranks, in place.
     *
     * @param data modified: holds the reduced values on every rank on return
     */
    void allreduce(double[] data, int offset, int length, ReduceOp op);

    /** Returns once every rank has called it. */
    void barrier();
}
