package org.adjoint4j.mpi;

import java.util.Objects;

/** The communicator of a run with a single rank; needs no MPI library. */
public final class SerialCommunicator implements Communicator {

    private static final SerialCommunicator INSTANCE = new SerialCommunicator();

    private SerialCommunicator() {
    }

    /** The single-rank communicator. */
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
    public void barrier() {
    }

    @Override
    public String toString() {
        return "serial (1 rank)";
    }
}
