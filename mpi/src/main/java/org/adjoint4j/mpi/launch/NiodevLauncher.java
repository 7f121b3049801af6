package org.adjoint4j.mpi.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a job as {@code P} JVMs on this host connected by MPJ Express's niodev device, with neither
 * ssh nor MPJ daemons and no fixed ports: this launcher serves niodev's port exchange on a free
 * loopback port and starts every rank with {@code org.adjoint4j.mpi.mpj.NiodevRank}. The first rank
 * that fails ends the job (the others are killed) and its exit code is the job's.
 */
public final class NiodevLauncher {

    private static final String RANK_MAIN = "org.adjoint4j.mpi.mpj.NiodevRank";

    private NiodevLauncher() {
    }

    /**
     * Runs {@code programClass} (a {@link RankProgram}) on {@code ranks} JVMs and waits for them.
     *
     * @param ranks        number of ranks (JVMs), {@code >= 1}
     * @param programClass fully qualified name of the {@link RankProgram}, found on the options' class
     *                     path
     * @param args         the job's arguments, passed to every rank
     * @param options      the rank JVMs' java, JVM options, class path, MPJ installation, working
     *                     directory and time limit
     * @return how the job ended: success, the first failing rank with its exit code and report, or
     *         {@link JobResult#TIMEOUT} (exit code 130 if this thread is interrupted); never carries
     *         a cause (the ranks ran in other JVMs)
     * @throws IllegalArgumentException if {@code ranks < 1}
     * @throws IllegalStateException    if MPJ Express is not installed
     * @throws UncheckedIOException     if the port-exchange socket cannot be opened or a rank JVM
     *                                  cannot be started
     */
    public static JobResult run(int ranks, String programClass, List<String> args, LaunchOptions options) {
        if (ranks < 1) {
            throw new IllegalArgumentException("ranks must be >= 1, was " + ranks);
        }
        Objects.requireNonNull(programClass, "programClass");
        List<Path> cp = new ArrayList<>(options.classPath().entries());
        cp.addAll(options.mpj().niodevJars());
        try {
            ServerSocket socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
            PortExchangeServer.start(socket, ranks);
            String server = "127.0.0.1:" + socket.getLocalPort();
            List<ProcessBuilder> builders = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                List<String> command = options.javaCommand();
                command.add("-cp");
                command.add(ClassPath.join(cp));
                command.add(RANK_MAIN);
                command.add(programClass);
                command.addAll(args);
                ProcessBuilder b = new ProcessBuilder(command).directory(options.workingDirectory().toFile());
                Map<String, String> env = b.environment();
                env.put("ADJOINT4J_RANK", Integer.toString(r));
                env.put("ADJOINT4J_SIZE", Integer.toString(ranks));
                env.put("ADJOINT4J_PORT_SERVER", server);
                env.put("ADJOINT4J_SERVE_PORTS", "0");
                env.put("MPJ_HOME", options.mpj().home().toString());
                builders.add(b);
            }
            JobResult result = new RankProcesses().run(builders, options.timeout(), true);
            socket.close();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the niodev job: " + e.getMessage(), e);
        }
    }
}
