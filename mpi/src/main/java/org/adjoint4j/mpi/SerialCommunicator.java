package org.adjoint4j.mpi;

import java.util.Objects;

/**
 * The communicator of a run with a single rank; needs no MPI library. Point-to-point calls accept
 * only {@link Communicator#NO_RANK} (there is no other rank; a periodic self-neighbour is handled by
 * the caller as a local copy).
 */
public final class SerialCommunicator implements Communicator {

    private static final SerialCommunicator INSTANCE = new SerialCommunicator();
    private static final Request DONE = () -> { };

    private SerialCommunicator() {
    }

    /**
     * The single-rank communicator.
     *
     * @return the shared instance: rank 0 of a run of size 1
     */
    public static SerialCommunicator instance() {
        return INSTANCE;
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public void send(double[] data, int offset, int count, int destination, int tag) {
        requireNoRank(destination, "destination");
    }

    @Override
    public void receive(double[] data, int offset, int count, int source, int tag) {
        requireNoRank(source, "source");
    }

    @Override
    public Request sendAsync(double[] data, int offset, int count, int destination, int tag) {
        requireNoRank(destination, "destination");
        return DONE;
    }

    @Override
    public Request receiveAsync(double[] data, int offset, int count, int source, int tag) {
        requireNoRank(source, "source");
        return DONE;
    }

    @Override
    public double allreduce(double value, ReduceOp op) {
        Objects.requireNonNull(op, "op");
        return value;
    }

    @Override
    public void allreduce(double[] data, int offset, int length, ReduceOp op) {
        Objects.requireNonNull(op, "op");
        Objects.checkFromIndexSize(offset, length, data.length);
    }

    @Override
    public void broadcast(double[] data, int offset, int length, int root) {
        if (root != 0) {
            throw new IllegalArgumentException("root must be 0 on a single rank, was " + root);
        }
    }

    @Override
    public void barrier() {
    }

    @Override
    public void abort(int exitCode, String reason) {
        throw new JobAbortedException(0, exitCode, reason);
    }

    private static void requireNoRank(int rank, String what) {
        if (rank != NO_RANK) {
            throw new IllegalArgumentException(what + " must be NO_RANK on a single rank, was " + rank);
        }
    }

    @Override
    public String toString() {
        return "serial (1 rank)";
    }
}
