package org.adjoint4j.mpi.mpj;

import java.util.Arrays;
import mpi.MPI;
import org.adjoint4j.mpi.launch.JobWatch;
import org.adjoint4j.mpi.launch.RankProgram;

/**
 * The main class of one MPJ Express rank. MPJ's starters call it with their usual arguments
 * {@code rank, configuration, device} followed by the job's arguments, the first of which names the
 * {@link RankProgram} to run:
 * <pre>
 *   mpjrun.sh -np 4 -dev niodev ... org.adjoint4j.mpi.mpj.MpjRank my.Program args...
 * </pre>
 * If the program throws, the rank prints {@code adjoint4j: rank R failed: cause} on standard error
 * and halts its JVM with exit code 1 (MPJ Express would otherwise leave the other ranks waiting
 * forever on niodev, and report success on the multicore device). When the first job argument is
 * {@code --job-watch=host:port} (inserted by {@code MpjrunWrapper}), the rank also reports its end to
 * that {@link JobWatch}, which notices ranks that die without a word.
 */
public final class MpjRank {

    private MpjRank() {
    }

    /** The job argument that names a {@link JobWatch} to report to. */
    public static final String WATCH_OPTION = "--job-watch=";

    /** This rank's connection to the job watch, if any (per rank: ranks have their own class loaders). */
    private static volatile JobWatch.Client watchClient;

    /**
     * Runs this rank: initialises MPJ Express, runs the named {@link RankProgram} and finalises. Does
     * not return when the program fails: the JVM halts with exit code 1.
     *
     * @param argv MPJ's {@code rank, configuration, device}, then optionally
     *             {@code --job-watch=host:port}, then the {@link RankProgram}'s class name and its
     *             arguments
     */
    public static void main(String[] argv) {
        int rank = argv.length > 0 ? parseRank(argv[0]) : -1;
        boolean niodev = argv.length > 2 && "niodev".equals(argv[2]);
        JobWatch.Client watch = null;
        try {
            String[] jobArgs = MPI.Init(argv);
            rank = MPI.COMM_WORLD.Rank();
            if (jobArgs.length > 0 && jobArgs[0].startsWith(WATCH_OPTION)) {
                watch = JobWatch.Client.connect(jobArgs[0].substring(WATCH_OPTION.length()), rank);
                watchClient = watch;
                jobArgs = Arrays.copyOfRange(jobArgs, 1, jobArgs.length);
            }
            if (jobArgs.length == 0) {
                throw new IllegalArgumentException("no program: the first argument after the MPJ ones must name a class"
                        + " implementing " + RankProgram.class.getName());
            }
            RankProgram program = instantiate(jobArgs[0]);
            program.run(MpjCommunicator.world(), Arrays.copyOfRange(jobArgs, 1, jobArgs.length));
            MPI.Finalize();
            if (watch != null) {
                watch.done();
                watch.close();
            }
        } catch (Throwable t) {
            RankFailureReport.failed(rank, t);
            if (watch != null) {
                watch.failed(String.valueOf(t));
                watch.close();
            }
            Runtime.getRuntime().halt(1);
        }
        System.out.flush();
        if (niodev) {
            System.exit(0); // niodev's non-daemon threads would keep the JVM alive
        }
    }

    /** Tells the job watch, if any, that this rank aborts the job. */
    static void reportAbort(String reason) {
        JobWatch.Client w = watchClient;
        if (w != null) {
            w.failed(reason);
            w.close();
        }
    }

    private static RankProgram instantiate(String className) throws ReflectiveOperationException {
        Class<?> c = Class.forName(className, true, MpjRank.class.getClassLoader());
        if (!RankProgram.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException(className + " does not implement " + RankProgram.class.getName());
        }
        return (RankProgram) c.getDeclaredConstructor().newInstance();
    }

    private static int parseRank(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
