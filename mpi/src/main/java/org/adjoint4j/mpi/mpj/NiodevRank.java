package org.adjoint4j.mpi.mpj;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.adjoint4j.mpi.launch.PortExchangeServer;

/**
 * The main class of one niodev rank started without MPJ's daemons: by {@code NiodevLauncher} on one
 * host, or by a batch system ({@code srun}) across hosts.
 * <pre>
 *   java -cp APP:mpj.jar:log4j-1.2.jar org.adjoint4j.mpi.mpj.NiodevRank my.Program args...
 * </pre>
 * Environment: rank and size from {@code ADJOINT4J_RANK} and {@code ADJOINT4J_SIZE} (or Slurm's
 * {@code SLURM_PROCID} and {@code SLURM_NTASKS}); the port-exchange server from
 * {@code ADJOINT4J_PORT_SERVER=host:port}. With {@code ADJOINT4J_SERVE_PORTS=1} (the default for rank
 * 0 under Slurm) this rank runs that server itself, listening on {@code port} on all interfaces.
 */
public final class NiodevRank {

    private NiodevRank() {
    }

    /**
     * Runs this rank: takes part in (or serves) the port exchange, then runs the program as
     * {@link MpjRank} does.
     *
     * @param args the {@link org.adjoint4j.mpi.launch.RankProgram}'s class name, then its arguments
     * @throws IOException              if this rank cannot listen on the port-exchange port, or the
     *                                  port-exchange server does not answer within 120 s
     * @throws InterruptedException     if interrupted while waiting for the port-exchange server
     * @throws IllegalStateException    if a required environment variable is not set
     * @throws IllegalArgumentException if {@code ADJOINT4J_PORT_SERVER} is not {@code host:port}, or a
     *                                  rank, size or port is not a number
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int rank = Integer.parseInt(environment("ADJOINT4J_RANK", "SLURM_PROCID"));
        int size = Integer.parseInt(environment("ADJOINT4J_SIZE", "SLURM_NTASKS"));
        String server = environment("ADJOINT4J_PORT_SERVER", null);
        int colon = server.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("ADJOINT4J_PORT_SERVER must be host:port, was '" + server + "'");
        }
        String host = server.substring(0, colon);
        int port = Integer.parseInt(server.substring(colon + 1));
        boolean serve = "1".equals(System.getenv().getOrDefault("ADJOINT4J_SERVE_PORTS",
                System.getenv("SLURM_PROCID") != null && rank == 0 ? "1" : "0"));
        if (serve) {
            PortExchangeServer.start(new ServerSocket(port, 64, (InetAddress) null), size);
        } else {
            PortExchangeServer.awaitServer(host, port, Duration.ofSeconds(120));
        }
        String[] argv = new String[3 + args.length];
        argv[0] = Integer.toString(rank);
        argv[1] = PortExchangeServer.niodevConfiguration(size, host, port);
        argv[2] = "niodev";
        System.arraycopy(args, 0, argv, 3, args.length);
        MpjRank.main(argv);
    }

    private static String environment(String name, String fallback) {
        String v = System.getenv(name);
        if (v == null && fallback != null) {
            v = System.getenv(fallback);
        }
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + (fallback == null ? "" : " (or " + fallback + ")")
                    + " is not set: start ranks with NiodevLauncher or srun");
        }
        return v.trim();
    }
}
