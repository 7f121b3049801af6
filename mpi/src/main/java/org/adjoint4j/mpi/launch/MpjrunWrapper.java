package org.adjoint4j.mpi.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs MPJ Express's own mpjrun (any device, daemons and machines files included) so that the job
 * fails the way a batch user expects: a rank that throws, aborts, exits or is killed ends the whole
 * job promptly, and the exit code says so (mpjrun itself always exits with 0 and leaves niodev ranks
 * waiting for ever when one dies).
 * <pre>
 *   adjoint4j-mpjrun -np 4 -dev niodev -machinesfile machines -cp adjoint4j.jar \
 *       org.adjoint4j.mpi.mpj.MpjRank my.Program args...
 * </pre>
 * Arguments are mpjrun's. The wrapper inserts {@code --job-watch=host:port} after
 * {@code org.adjoint4j.mpi.mpj.MpjRank} so that every rank reports to a {@link JobWatch}; when one fails
 * or dies the wrapper stops mpjrun, whose daemons then kill the remaining ranks. The address the ranks
 * use to reach this host is {@code ADJOINT4J_WATCH_HOST} (default: this host's name). Exit codes: 0
 * when every rank finished, 1 when a rank failed or died, 2 for bad arguments.
 */
public final class MpjrunWrapper {

    private static final String RANK_MAIN = "org.adjoint4j.mpi.mpj.MpjRank";

    private MpjrunWrapper() {
    }

    /**
     * Runs mpjrun and exits with the job's exit code (see {@link #run}).
     *
     * @param args mpjrun's arguments, including {@code -np N} and
     *             {@code org.adjoint4j.mpi.mpj.MpjRank PROGRAM [args...]}
     * @throws InterruptedException if interrupted while waiting for the job
     */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, MpjInstallation.locate(), System.err));
    }

    /**
     * Runs mpjrun with {@code args} and returns the job's exit code.
     *
     * @param args mpjrun's arguments, including {@code -np N} and
     *             {@code org.adjoint4j.mpi.mpj.MpjRank PROGRAM [args...]}; not modified
     * @param mpj  the MPJ Express installation whose {@code lib/starter.jar} is run
     * @param err  where the wrapper's own messages go
     * @return 0 when every rank finished, 1 when a rank failed or died or mpjrun ended early, 2 for bad
     *         arguments or when mpjrun could not be started
     * @throws InterruptedException     if interrupted while waiting for the job (mpjrun is stopped
     *                                  first)
     */
    public static int run(String[] args, MpjInstallation mpj, PrintStream err) throws InterruptedException {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        int main = a.indexOf(RANK_MAIN);
        int np = a.indexOf("-np");
        if (main < 0 || np < 0 || np + 1 >= a.size()) {
            err.println("adjoint4j-mpjrun: usage: adjoint4j-mpjrun -np N [mpjrun options] " + RANK_MAIN + " PROGRAM [args...]");
            return 2;
        }
        int size;
        try {
            size = Integer.parseInt(a.get(np + 1));
        } catch (NumberFormatException e) {
            err.println("adjoint4j-mpjrun: -np must be a number, was '" + a.get(np + 1) + "'");
            return 2;
        }
        if (size < 1) {
            err.println("adjoint4j-mpjrun: -np must be at least 1, was " + size);
            return 2;
        }
        try (JobWatch watch = JobWatch.start(size)) {
            String host = System.getenv().getOrDefault("ADJOINT4J_WATCH_HOST", InetAddress.getLocalHost().getHostName());
            a.add(main + 1, "--job-watch=" + host + ":" + watch.port());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-jar");
            command.add(mpj.home().resolve("lib").resolve("starter.jar").toString());
            command.addAll(a);
            ProcessBuilder b = new ProcessBuilder(command).inheritIO();
            b.environment().put("MPJ_HOME", mpj.home().toString());
            Process mpjrun = b.start();
            try {
                return supervise(mpjrun, watch, err);
            } catch (InterruptedException e) {
                stop(mpjrun);
                throw e;
            }
        } catch (IOException e) {
            err.println("adjoint4j-mpjrun: could not start mpjrun: " + e.getMessage());
            return 2;
        }
    }

    /** Waits for the job: the first failure a rank reports stops it; mpjrun's end ends it. */
    private static int supervise(Process mpjrun, JobWatch watch, PrintStream err) throws InterruptedException {
        while (true) {
            boolean ended = watch.await(100, TimeUnit.MILLISECONDS);
            if (ended && watch.failedRank() >= 0) {
                err.println("adjoint4j-mpjrun: rank " + watch.failedRank() + " " + watch.failure() + "; stopping the job");
                stop(mpjrun);
                return 1;
            }
            if (ended) {
                // every rank is done and await no longer blocks: wait on mpjrun itself
                mpjrun.waitFor(100, TimeUnit.MILLISECONDS);
            }
            if (!mpjrun.isAlive()) {
                // reports travel faster than process exits, but give late ones a moment
                watch.await(2, TimeUnit.SECONDS);
                if (watch.failedRank() >= 0) {
                    err.println("adjoint4j-mpjrun: rank " + watch.failedRank() + " " + watch.failure());
                    return 1;
                }
                if (!watch.allDone()) {
                    err.println("adjoint4j-mpjrun: mpjrun ended (exit code " + mpjrun.exitValue()
                            + ") before every rank reported its end; the job did not complete");
                    return 1;
                }
                return 0;
            }
        }
    }

    /** Stops mpjrun; its daemons kill the job's rank JVMs when it goes. */
    private static void stop(Process mpjrun) throws InterruptedException {
        mpjrun.descendants().forEach(ProcessHandle::destroy);
        mpjrun.destroy();
        if (!mpjrun.waitFor(5, TimeUnit.SECONDS)) {
            mpjrun.descendants().forEach(ProcessHandle::destroyForcibly);
            mpjrun.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
