package org.adjoint4j.mpi.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a job on MPJ Express's multicore device: one child JVM with one thread per rank, started
 * through MPJ's {@code MulticoreStarter} directly (mpjrun would report success whatever happens).
 * Each rank gets its own class loader over the program's class path, as MPJ requires; libraries
 * with native code (JHDF5) go on the child JVM's class path so that all ranks share them. A failing
 * rank halts the JVM with a non-zero exit code, which ends the job.
 */
public final class MulticoreLauncher {

    private static final String STARTER = "runtime.starter.MulticoreStarter";
    private static final String RANK_MAIN = "org.adjoint4j.mpi.mpj.MpjRank";

    private MulticoreLauncher() {
    }

    /**
     * Runs {@code programClass} (a {@link RankProgram}) on {@code ranks} threads of a child JVM.
     *
     * @param ranks        number of ranks, {@code >= 1}
     * @param programClass fully qualified name of the {@link RankProgram}, found on the options' class
     *                     path
     * @param args         the job's arguments, passed to every rank
     * @param options      the child JVM's java, JVM options, class path, MPJ installation, working
     *                     directory and time limit
     * @return how the job ended: success, the failing rank's exit code and report, or
     *         {@link JobResult#TIMEOUT} (exit code 130 if this thread is interrupted); never carries
     *         a cause (the ranks ran in another JVM)
     * @throws IllegalArgumentException if {@code ranks < 1}
     * @throws IllegalStateException    if MPJ Express is not installed
     * @throws UncheckedIOException     if the child JVM cannot be started
     */
    public static JobResult run(int ranks, String programClass, List<String> args, LaunchOptions options) {
        if (ranks < 1) {
            throw new IllegalArgumentException("ranks must be >= 1, was " + ranks);
        }
        Objects.requireNonNull(programClass, "programClass");
        ClassPath app = options.classPath();
        List<Path> starter = new ArrayList<>(options.mpj().multicoreJars());
        starter.addAll(app.nativeLibraries());
        List<String> command = options.javaCommand();
        command.add("-cp");
        command.add(ClassPath.join(starter));
        command.add(STARTER);
        command.add(options.workingDirectory().toString());
        command.add(Integer.toString(ranks));
        command.add("smpdev");
        command.add("useLocalLoader");
        command.add(ClassPath.join(app.pureJava()));
        command.add(RANK_MAIN);
        command.add(programClass);
        command.addAll(args);
        ProcessBuilder b = new ProcessBuilder(command).directory(options.workingDirectory().toFile());
        b.environment().put("MPJ_HOME", options.mpj().home().toString());
        try {
            return new RankProcesses().run(List.of(b), options.timeout(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the multicore job: " + e.getMessage(), e);
        }
    }
}
