package org.adjoint4j.mpi.launch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The start-up handshake of MPJ Express's niodev device, served without mpjrun or daemons: each rank
 * connects, sends {@code "Sending Info"}, its two port numbers and its rank, and receives the table
 * of every rank's address and ports. One server serves one job.
 */
public final class PortExchangeServer {

    private static final int SOCKET_TIMEOUT_MILLIS = 30_000;

    private PortExchangeServer() {
    }

    /**
     * Serves one job of {@code size} ranks on {@code socket} in a daemon thread, which closes the
     * socket when the table has been sent. Connections that send nothing (readiness probes) are ignored.
     *
     * @param socket a bound server socket the ranks can reach; owned (and closed) by the server from now on
     * @param size   number of ranks of the job
     * @return the started daemon thread, which ends once every rank has its table or the exchange failed
     */
    public static Thread start(ServerSocket socket, int size) {
        Thread t = new Thread(() -> {
            try (ServerSocket s = socket) {
                serve(s, size);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    System.err.println("adjoint4j: niodev port exchange failed: " + e);
                }
            }
        }, "niodev-port-exchange");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void serve(ServerSocket server, int size) throws IOException {
        Socket[] sockets = new Socket[size];
        String[] peers = new String[size];
        int registered = 0;
        try {
            while (registered < size) {
                Socket s = server.accept();
                try {
                    s.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    if (!in.readUTF().startsWith("Sending Info")) {
                        s.close();
                        continue;
                    }
                    int writePort = in.readInt();
                    int readPort = in.readInt();
                    int rank = in.readInt();
                    if (rank < 0 || rank >= size || sockets[rank] != null) {
                        s.close();
                        throw new IOException("niodev rank " + rank + " registered twice or is outside [0, " + size + ")");
                    }
                    peers[rank] = ";" + s.getInetAddress().getHostAddress() + "@" + readPort + "@" + writePort + "@" + rank + "@0";
                    sockets[rank] = s;
                    registered++;
                } catch (EOFException | SocketTimeoutException probe) {
                    s.close();
                }
            }
            StringBuilder table = new StringBuilder("#Peer Information");
            for (String p : peers) {
                table.append(p);
            }
            for (Socket s : sockets) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeUTF(table.toString());
                out.flush();
            }
        } finally {
            for (Socket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    /**
     * The configuration string niodev's {@code MPI.Init} expects as its second argument. The protocol
     * switch limit (bytes; eager below, rendezvous above) comes from {@code ADJOINT4J_PSL}, default
     * 131072 as in mpjrun.
     *
     * @param size number of ranks of the job
     * @param host host name or address of the port-exchange server
     * @param port TCP port of the port-exchange server
     * @return the configuration string, the same on every rank
     */
    public static String niodevConfiguration(int size, String host, int port) {
        String psl = System.getenv().getOrDefault("ADJOINT4J_PSL", "131072");
        return "#temp line;#Number of Processes;" + size + ";#Protocol Switch Limit;" + psl
                + ";#Server Name;" + host + ";#Server Port;" + port;
    }

    /**
     * Waits until a TCP connection to the server succeeds (the server ignores such probes).
     *
     * @param host    host name or address of the port-exchange server
     * @param port    TCP port of the port-exchange server
     * @param timeout how long to keep trying
     * @throws IOException          if no connection succeeded within {@code timeout}
     * @throws InterruptedException if interrupted between attempts
     */
    public static void awaitServer(String host, int port, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > end) {
                    throw new IOException("the niodev port-exchange server " + host + ":" + port + " did not answer within "
                            + timeout.toSeconds() + " s", e);
                }
                Thread.sleep(100);
            }
        }
    }
}
