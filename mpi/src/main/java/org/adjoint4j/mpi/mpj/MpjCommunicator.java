package org.adjoint4j.mpi.mpj;

import java.util.Arrays;
import java.util.Objects;
import mpi.Intracomm;
import mpi.MPI;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.Request;

/**
 * A {@link Communicator} over an MPJ Express intracommunicator. Works around MPJ Express 0.44:
 * {@code PROC_NULL} throws in point-to-point calls (so {@link #NO_RANK} is handled here), and
 * {@code Abort} does nothing (so {@link #abort} halts the JVM, which the launchers turn into the end
 * of the job). Reductions gather every rank's values and combine them in rank order, so results are
 * identical to the in-process backend's and NaN always propagates.
 */
public final class MpjCommunicator implements Communicator {

    private static final Request DONE = () -> { };

    private final Intracomm comm;
    private final int rank;
    private final int size;

    /**
     * The communicator over MPJ's COMM_WORLD (after MPI.Init).
     *
     * @return a communicator over every rank of the MPJ Express job
     */
    public static MpjCommunicator world() {
        return new MpjCommunicator(MPI.COMM_WORLD);
    }

    MpjCommunicator(Intracomm comm) {
        this.comm = Objects.requireNonNull(comm, "comm");
        this.rank = comm.Rank();
        this.size = comm.Size();
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void send(double[] data, int offset, int count, int destination, int tag) {
        if (destination != NO_RANK) {
            comm.Send(data, offset, count, MPI.DOUBLE, destination, tag);
        }
    }

    @Override
    public void receive(double[] data, int offset, int count, int source, int tag) {
        if (source != NO_RANK) {
            comm.Recv(data, offset, count, MPI.DOUBLE, source, tag);
        }
    }

    @Override
    public Request sendAsync(double[] data, int offset, int count, int destination, int tag) {
        if (destination == NO_RANK) {
            return DONE;
        }
        mpi.Request r = comm.Isend(data, offset, count, MPI.DOUBLE, destination, tag);
        return r::Wait;
    }

    @Override
    public Request receiveAsync(double[] data, int offset, int count, int source, int tag) {
        if (source == NO_RANK) {
            return DONE;
        }
        mpi.Request r = comm.Irecv(data, offset, count, MPI.DOUBLE, source, tag);
        return r::Wait;
    }

    @Override
    public double allreduce(double value, ReduceOp op) {
        double[] one = {value};
        allreduce(one, 0, 1, op);
        return one[0];
    }

    @Override
    public void allreduce(double[] data, int offset, int length, ReduceOp op) {
        Objects.requireNonNull(op, "op");
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length == 0) {
            return;
        }
        double[] all = new double[length * size];
        comm.Allgather(data, offset, length, MPI.DOUBLE, all, 0, length, MPI.DOUBLE);
        double[][] rows = new double[size][];
        for (int r = 0; r < size; r++) {
            rows[r] = Arrays.copyOfRange(all, r * length, (r + 1) * length);
        }
        op.reduce(rows, data, offset, length);
    }

    @Override
    public void broadcast(double[] data, int offset, int length, int root) {
        comm.Bcast(data, offset, length, MPI.DOUBLE, root);
    }

    @Override
    public void barrier() {
        comm.Barrier();
    }

    @Override
    public void abort(int exitCode, String reason) {
        RankFailureReport.aborted(rank, exitCode, reason);
        MpjRank.reportAbort("aborted the job (exit code " + exitCode + "): " + reason);
        Runtime.getRuntime().halt(exitCode);
    }

    @Override
    public String toString() {
        return "rank " + rank + " of " + size + " (MPJ Express)";
    }
}
