package org.adjoint4j.mpi.mpj;

import java.util.Arrays;
import mpi.MPI;
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
 * forever on niodev, and report success on the multicore device).
 */
public final class MpjRank {

    private MpjRank() {
    }

    public static void main(String[] argv) {
        int rank = argv.length > 0 ? parseRank(argv[0]) : -1;
        boolean niodev = argv.length > 2 && "niodev".equals(argv[2]);
        try {
            String[] jobArgs = MPI.Init(argv);
            rank = MPI.COMM_WORLD.Rank();
            if (jobArgs.length == 0) {
                throw new IllegalArgumentException("no program: the first argument after the MPJ ones must name a class"
                        + " implementing " + RankProgram.class.getName());
            }
            RankProgram program = instantiate(jobArgs[0]);
            program.run(MpjCommunicator.world(), Arrays.copyOfRange(jobArgs, 1, jobArgs.length));
            MPI.Finalize();
        } catch (Throwable t) {
            RankFailureReport.failed(rank, t);
            Runtime.getRuntime().halt(1);
        }
        System.out.flush();
        if (niodev) {
            System.exit(0); // niodev's non-daemon threads would keep the JVM alive
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
