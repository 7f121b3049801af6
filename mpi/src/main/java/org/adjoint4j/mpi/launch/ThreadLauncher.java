package org.adjoint4j.mpi.launch;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.adjoint4j.mpi.JobAbortedException;
import org.adjoint4j.mpi.RankFailedException;
import org.adjoint4j.mpi.threads.ThreadWorld;

/**
 * Runs a job as threads of this JVM, one per rank. The first rank that throws fails the job: the
 * other ranks are released from any wait with a {@link RankFailedException} and the result names the
 * first rank and its exception.
 */
public final class ThreadLauncher {

    private ThreadLauncher() {
    }

    /**
     * Runs {@code program} on {@code ranks} threads and waits for all of them.
     *
     * @param ranks   number of ranks (threads), {@code >= 1}
     * @param program run by every rank; shared by all the threads, so it must keep per-rank state in
     *                {@link RankProgram#run}
     * @param args    the job's arguments; each rank gets its own copy of the array
     * @param timeout after it the job is failed with {@link JobResult#TIMEOUT}
     * @return how the job ended: success, the first failing rank with its exception (exit code 1, or
     *         the code given to abort), or {@link JobResult#TIMEOUT} (also when this thread is
     *         interrupted)
     * @throws IllegalArgumentException if {@code ranks < 1}
     * @throws NullPointerException     if {@code program} or {@code timeout} is null
     */
    public static JobResult run(int ranks, RankProgram program, String[] args, Duration timeout) {
        Objects.requireNonNull(program, "program");
        ThreadWorld world = new ThreadWorld(ranks);
        AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(ranks);
        Thread[] threads = new Thread[ranks];
        for (int r = 0; r < ranks; r++) {
            final int rank = r;
            threads[r] = new Thread(() -> {
                try {
                    program.run(world.communicator(rank), args.clone());
                } catch (Throwable t) {
                    failures.set(rank, t);
                    if (!(t instanceof RankFailedException)) {
                        world.fail(rank, String.valueOf(t));
                    }
                }
            }, "rank-" + r);
            threads[r].setDaemon(true);
            threads[r].start();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean timedOut = false;
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !join(t, left)) {
                    timedOut = true;
                    world.fail(-1, "the job exceeded its time limit of " + timeout.toSeconds() + " s");
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                world.fail(-1, "the launcher was interrupted");
                timedOut = true;
                break;
            }
        }
        if (timedOut) {
            for (Thread t : threads) {
                try {
                    t.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new JobResult(JobResult.TIMEOUT, -1, "the job exceeded its time limit of " + timeout.toSeconds() + " s", null);
        }
        int first = world.failedRank();
        if (first < 0) {
            return JobResult.success();
        }
        Throwable cause = failures.get(first);
        int code = cause instanceof JobAbortedException a ? a.exitCode() : 1;
        return new JobResult(code, first, "rank " + first + " failed: " + cause, cause);
    }

    private static boolean join(Thread t, long nanos) throws InterruptedException {
        t.join(TimeUnit.NANOSECONDS.toMillis(nanos) + 1);
        return !t.isAlive();
    }
}
