package org.adjoint4j.mpi.threads;

import java.util.Objects;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.JobAbortedException;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.Request;

/** One rank of a {@link ThreadWorld}. */
final class ThreadCommunicator implements Communicator {

    private static final Request DONE = () -> { };

    private final ThreadWorld world;
    private final int rank;

    ThreadCommunicator(ThreadWorld world, int rank) {
        this.world = world;
        this.rank = rank;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return world.size();
    }

    @Override
    public void send(double[] data, int offset, int count, int destination, int tag) {
        sendAsync(data, offset, count, destination, tag).await();
    }

    @Override
    public void receive(double[] data, int offset, int count, int source, int tag) {
        receiveAsync(data, offset, count, source, tag).await();
    }

    @Override
    public Request sendAsync(double[] data, int offset, int count, int destination, int tag) {
        if (destination == NO_RANK) {
            return DONE;
        }
        checkRank(destination, "destination");
        Objects.checkFromIndexSize(offset, count, data.length);
        ThreadWorld.Transfer t = world.postSend(rank, destination, tag, data, offset, count);
        return () -> world.await(t);
    }

    @Override
    public Request receiveAsync(double[] data, int offset, int count, int source, int tag) {
        if (source == NO_RANK) {
            return DONE;
        }
        checkRank(source, "source");
        Objects.checkFromIndexSize(offset, count, data.length);
        ThreadWorld.Transfer t = world.postReceive(rank, source, tag, data, offset, count);
        return () -> world.await(t);
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
        world.collective(rank, data, offset, length, op::reduce);
    }

    @Override
    public void broadcast(double[] data, int offset, int length, int root) {
        checkRank(root, "root");
        Objects.checkFromIndexSize(offset, length, data.length);
        world.collective(rank, data, offset, length,
                (all, out, off, len) -> System.arraycopy(all[root], 0, out, off, len));
    }

    @Override
    public void barrier() {
        world.collective(rank, new double[0], 0, 0, (all, out, off, len) -> { });
    }

    @Override
    public void abort(int exitCode, String reason) {
        world.fail(rank, "aborted with exit code " + exitCode + ": " + reason);
        throw new JobAbortedException(rank, exitCode, reason);
    }

    private void checkRank(int r, String what) {
        if (r < 0 || r >= world.size()) {
            throw new IllegalArgumentException(what + " must be in [0, " + world.size() + ") or NO_RANK, was " + r);
        }
    }

    @Override
    public String toString() {
        return "rank " + rank + " of " + world.size() + " in-process ranks";
    }
}
