package org.adjoint4j.examples.cli.parallel;

import java.time.Duration;
import java.util.List;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.LaunchOptions;
import org.adjoint4j.mpi.launch.MulticoreLauncher;
import org.adjoint4j.mpi.launch.NiodevLauncher;
import org.adjoint4j.mpi.launch.RankProgram;
import org.adjoint4j.mpi.launch.ThreadLauncher;

/** Starts the ranks of a command on the configured device and waits for them. */
public final class RankLaunch {

    private static final Duration NO_LIMIT = Duration.ofDays(3650);

    private RankLaunch() {
    }

    /**
     * Runs {@code program} with {@code args} on every rank.
     *
     * @param settings the number of ranks, the device and the time limit (none: ten years)
     * @param program the program, by instance for threads and by class name for the process devices
     * @param args    the arguments every rank's program receives
     * @return the ranks' outcome once all have finished, failed or were killed at the time limit
     */
    public static JobResult run(ParallelSettings settings, RankProgram program, List<String> args) {
        Duration limit = settings.timeLimit() == null ? NO_LIMIT : settings.timeLimit();
        switch (settings.device()) {
            case THREADS:
                return ThreadLauncher.run(settings.ranks(), program, args.toArray(new String[0]), limit);
            case MULTICORE:
                return MulticoreLauncher.run(settings.ranks(), program.getClass().getName(), args, options(limit));
            case NIODEV:
                return NiodevLauncher.run(settings.ranks(), program.getClass().getName(), args, options(limit));
            default:
                throw new AssertionError(settings.device());
        }
    }

    private static LaunchOptions options(Duration limit) {
        LaunchOptions.Builder b = LaunchOptions.builder().timeout(limit);
        for (String option : System.getenv().getOrDefault("ADJOINT4J_RANK_JAVA_OPTS", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                b.jvmOption(option);
            }
        }
        return b.build();
    }
}
