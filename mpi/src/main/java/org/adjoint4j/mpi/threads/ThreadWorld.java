package org.adjoint4j.mpi.threads;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.RankFailedException;

/**
 * The shared state of a job of in-process ranks: pending messages, the collective rendezvous and the
 * job's failure. Point-to-point messages are matched by rendezvous: a send waits until a receive
 * takes its data, so no message is copied twice. If a rank fails ({@link #fail}), every rank waiting
 * in this world gets a {@link RankFailedException}.
 */
public final class ThreadWorld {

    private final int size;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Transfer>[] pendingSends;
    private final ArrayDeque<Transfer>[] pendingReceives;
    private final double[][] contributions;
    private int arrived;
    private long generation;
    private boolean failed;
    private int failedRank = -1;
    private String failure;

    /**
     * A world of {@code size} ranks.
     *
     * @param size number of ranks, {@code >= 1}
     * @throws IllegalArgumentException if {@code size < 1}
     */
    @SuppressWarnings("unchecked")
    public ThreadWorld(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was " + size);
        }
        this.size = size;
        this.pendingSends = new ArrayDeque[size];
        this.pendingReceives = new ArrayDeque[size];
        for (int r = 0; r < size; r++) {
            pendingSends[r] = new ArrayDeque<>();
            pendingReceives[r] = new ArrayDeque<>();
        }
        this.contributions = new double[size][];
    }

    /**
     * Number of ranks.
     *
     * @return the number of ranks, {@code >= 1}
     */
    public int size() {
        return size;
    }

    /**
     * The communicator of rank {@code rank}.
     *
     * @param rank the rank, {@code 0 <= rank < size()}
     * @return a new communicator for that rank, to be used by one thread only
     * @throws IllegalArgumentException if {@code rank} is outside {@code [0, size())}
     */
    public Communicator communicator(int rank) {
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank must be in [0, " + size + "), was " + rank);
        }
        return new ThreadCommunicator(this, rank);
    }

    /**
     * Marks the job failed: every rank waiting in this world, now or later, is released with an
     * exception. The first call wins.
     *
     * @param rank   the failing rank, or -1 when the launcher ends the job (time limit)
     * @param reason what happened, put in the message of the exceptions the waiting ranks get
     */
    public void fail(int rank, String reason) {
        lock.lock();
        try {
            if (!failed) {
                failed = true;
                failedRank = rank;
                failure = reason;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The rank that failed first, or -1.
     *
     * @return the rank passed to the first {@link #fail} call; -1 if the job has not failed or the
     *         launcher ended it
     */
    public int failedRank() {
        lock.lock();
        try {
            return failedRank;
        } finally {
            lock.unlock();
        }
    }

    /** One point-to-point transfer, from the side of whoever posted it first. */
    static final class Transfer {
        final int source;
        final int destination;
        final int tag;
        final double[] data;
        final int offset;
        final int count;
        boolean done;

        Transfer(int source, int destination, int tag, double[] data, int offset, int count) {
            this.source = source;
            this.destination = destination;
            this.tag = tag;
            this.data = data;
            this.offset = offset;
            this.count = count;
        }
    }

    /** Posts a send; matches the oldest pending receive for it, or queues. */
    Transfer postSend(int source, int destination, int tag, double[] data, int offset, int count) {
        Transfer send = new Transfer(source, destination, tag, data, offset, count);
        return post(send, pendingReceives[destination], pendingSends[destination], true);
    }

    /** Posts a receive; matches the oldest pending send for it, or queues. */
    Transfer postReceive(int destination, int source, int tag, double[] data, int offset, int count) {
        Transfer receive = new Transfer(source, destination, tag, data, offset, count);
        return post(receive, pendingSends[destination], pendingReceives[destination], false);
    }

    /** Matches {@code t} with the oldest counterpart in {@code counterparts}, or queues it in {@code own}. */
    private Transfer post(Transfer t, ArrayDeque<Transfer> counterparts, ArrayDeque<Transfer> own, boolean isSend) {
        lock.lock();
        try {
            checkFailed();
            Transfer other = take(counterparts, t.source, t.tag);
            if (other == null) {
                own.addLast(t);
            } else if (isSend) {
                copy(t, other);
            } else {
                copy(other, t);
            }
            return t;
        } finally {
            lock.unlock();
        }
    }

    private static Transfer take(ArrayDeque<Transfer> queue, int source, int tag) {
        for (Iterator<Transfer> it = queue.iterator(); it.hasNext(); ) {
            Transfer t = it.next();
            if (t.source == source && t.tag == tag) {
                it.remove();
                return t;
            }
        }
        return null;
    }

    private void copy(Transfer send, Transfer receive) {
        if (send.count != receive.count) {
            String reason = "rank " + send.source + " sent " + send.count + " values with tag " + send.tag
                    + " but rank " + receive.destination + " expected " + receive.count;
            fail(receive.destination, reason);
            throw new IllegalStateException(reason);
        }
        System.arraycopy(send.data, send.offset, receive.data, receive.offset, send.count);
        send.done = true;
        receive.done = true;
        changed.signalAll();
    }

    /** Waits until {@code t} is done. */
    void await(Transfer t) {
        lock.lock();
        try {
            while (!t.done) {
                checkFailed();
                awaitChange();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The collective rendezvous: every rank deposits {@code data[offset, offset+length)}, and once all
     * have arrived {@code combine} runs on each rank with all contributions (ordered by rank).
     */
    void collective(int rank, double[] data, int offset, int length, Combiner combine) {
        lock.lock();
        try {
            checkFailed();
            long mine = generation;
            contributions[rank] = java.util.Arrays.copyOfRange(data, offset, offset + length);
            arrived++;
            if (arrived == size) {
                arrived = 0;
                generation++;
                changed.signalAll();
            } else {
                while (generation == mine) {
                    checkFailed();
                    awaitChange();
                }
            }
            combine.apply(contributions, data, offset, length);
            // Contributions may be overwritten only after every rank has read them.
            arrived++;
            mine = generation;
            if (arrived == size) {
                arrived = 0;
                generation++;
                changed.signalAll();
            } else {
                while (generation == mine) {
                    checkFailed();
                    awaitChange();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Combines the ranks' contributions into {@code data} on one rank. */
    interface Combiner {
        void apply(double[][] contributions, double[] data, int offset, int length);
    }

    private void awaitChange() {
        try {
            changed.await(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RankFailedException(failedRank, "interrupted while waiting for other ranks");
        }
    }

    private void checkFailed() {
        if (failed) {
            throw new RankFailedException(failedRank, failedRank < 0 ? failure : "rank " + failedRank + " failed: " + failure);
        }
    }
}
