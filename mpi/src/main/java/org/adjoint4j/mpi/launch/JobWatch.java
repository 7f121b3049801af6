package org.adjoint4j.mpi.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Watches the ranks of a job started by a launcher that cannot tell when a rank dies (MPJ Express's
 * mpjrun with daemons). Every rank connects at start, says its rank, and says {@code done} or
 * {@code failed <reason>} at the end; a connection that closes before that means the rank's JVM died
 * (an exit, a crash, a kill). The first failure or death ends the watch.
 *
 * <p>Protocol, one text line per message: {@code rank R}, then {@code done} or {@code failed REASON}.
 */
public final class JobWatch implements AutoCloseable {

    private final ServerSocket server;
    private final int size;
    private final boolean[] done;
    private final CountDownLatch finished = new CountDownLatch(1);
    private int finishedRanks;
    private int failedRank = -1;
    private String failure;

    private JobWatch(ServerSocket server, int size) {
        this.server = server;
        this.size = size;
        this.done = new boolean[size];
    }

    /**
     * Listens on all interfaces on a free port (ranks on other hosts connect back to it).
     *
     * @param size number of ranks of the job, {@code >= 1}
     * @return the running watch; {@link #close()} it when the job is over
     * @throws IOException              if the server socket cannot be opened
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public static JobWatch start(int size) throws IOException {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was " + size);
        }
        JobWatch w = new JobWatch(new ServerSocket(0, 256, (InetAddress) null), size);
        Thread t = new Thread(w::accept, "adjoint4j-job-watch");
        t.setDaemon(true);
        t.start();
        return w;
    }

    /**
     * The port ranks connect to.
     *
     * @return the TCP port the watch listens on, on every interface of this host
     */
    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        try {
            while (true) {
                Socket s = server.accept();
                Thread t = new Thread(() -> follow(s), "adjoint4j-job-watch-rank");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException closed) {
            // the watch is over
        }
    }

    private void follow(Socket s) {
        int rank = -1;
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            String first = in.readLine();
            if (first == null || !first.startsWith("rank ")) {
                return; // not one of ours
            }
            rank = Integer.parseInt(first.substring(5).trim());
            if (rank < 0 || rank >= size) {
                return; // not a rank of this job
            }
            String line = in.readLine();
            if ("done".equals(line)) {
                rankDone(rank);
            } else if (line != null && line.startsWith("failed ")) {
                rankFailed(rank, "failed: " + line.substring(7));
            } else {
                rankFailed(rank, "died: its JVM ended without finishing (an exit, a crash or a kill)");
            }
        } catch (IOException | NumberFormatException e) {
            if (rank >= 0) {
                rankFailed(rank, "died: its connection broke (" + e.getMessage() + ")");
            }
        }
    }

    private synchronized void rankDone(int rank) {
        if (rank >= 0 && rank < size && !done[rank]) {
            done[rank] = true;
            if (++finishedRanks == size) {
                finished.countDown();
            }
        }
    }

    private synchronized void rankFailed(int rank, String reason) {
        if (failedRank < 0) {
            failedRank = rank;
            failure = reason;
        }
        finished.countDown();
    }

    /**
     * Waits until every rank is done or one failed; returns false on time-out.
     *
     * @param timeout longest wait, in {@code unit}
     * @param unit    unit of {@code timeout}
     * @return true if every rank said done or a rank failed or died (see {@link #failedRank()}); false
     *         if the time ran out first
     * @throws InterruptedException if this thread is interrupted while waiting
     */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    /**
     * The first rank that failed or died, or -1.
     *
     * @return the rank whose failure or death was noticed first, or -1 while none has
     */
    public synchronized int failedRank() {
        return failedRank;
    }

    /**
     * What happened to {@link #failedRank()}.
     *
     * @return {@code "failed: REASON"} or {@code "died: ..."}; null while no rank has failed
     */
    public synchronized String failure() {
        return failure;
    }

    /**
     * True if every rank said done.
     *
     * @return whether each of the job's ranks has reported {@code done}
     */
    public synchronized boolean allDone() {
        return finishedRanks == size;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** The rank side: connects to the watch and reports the end of the rank. */
    public static final class Client implements AutoCloseable {
        private final Socket socket;
        private final PrintWriter out;

        private Client(Socket socket) throws IOException {
            this.socket = socket;
            this.out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        /**
     * Connects rank {@code rank} to the watch at {@code host:port}.
     *
     * @param hostAndPort the watch's address, {@code host:port} (the value of {@code --job-watch=})
     * @param rank        this rank, {@code 0 <= rank < size}
     * @return the connection, over which the rank has already announced itself
     * @throws IOException              if the watch cannot be reached
     * @throws IllegalArgumentException if {@code hostAndPort} is not {@code host:port}
     */
        public static Client connect(String hostAndPort, int rank) throws IOException {
            int colon = hostAndPort.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("job watch address must be host:port, was '" + hostAndPort + "'");
            }
            Client c = new Client(new Socket(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1))));
            c.out.println("rank " + rank);
            return c;
        }

        /** The rank finished. */
        public void done() {
            out.println("done");
        }

        /**
         * The rank failed.
         *
         * @param reason why, e.g. the exception; line breaks are replaced by spaces
         */
        public void failed(String reason) {
            out.println("failed " + reason.replace('\n', ' '));
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (SocketException ignored) {
                // already closed
            } catch (IOException e) {
                // nothing to report: the JVM ends next
            }
        }
    }
}
