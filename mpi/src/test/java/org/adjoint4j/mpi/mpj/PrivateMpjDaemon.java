package org.adjoint4j.mpi.mpj;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adjoint4j.mpi.launch.MpjInstallation;

/**
 * An MPJ Express niodev daemon on loopback for one test class: a private MPJ_HOME (jars copied, as
 * manifests resolve their Class-Path next to the real file) with free ports, so parallel test runs
 * do not clash. Stopped with its rank JVMs by {@link #close()}.
 */
final class PrivateMpjDaemon implements AutoCloseable {

    private final Path home;
    private final Process daemon;
    private final int daemonPort;

    private PrivateMpjDaemon(Path home, Process daemon, int daemonPort) {
        this.home = home;
        this.daemon = daemon;
        this.daemonPort = daemonPort;
    }

    static PrivateMpjDaemon start(Path dir) throws IOException, InterruptedException {
        Path source = MpjInstallation.locate().home().resolve("lib");
        Path lib = Files.createDirectories(dir.resolve("lib"));
        try (var jars = Files.list(source)) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                String name = jar.getFileName().toString();
                if (name.endsWith(".jar")) {
                    Files.copy(jar.toRealPath(), lib.resolve(name.replace("-0.44.jar", ".jar")), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (String j : List.of("log4j-1.2", "commons-io", "commons-cli", "commons-codec")) {
            Path target = lib.resolve(j + ".jar");
            if (!Files.exists(target)) {
                Files.copy(Paths.get("/usr/share/java/" + j + ".jar").toRealPath(), target);
            }
        }
        int[] ports = freePorts(3);
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/mpjexpress.conf"), String.join("\n",
                "mpjexpress.mpjdaemon.port.1=" + ports[0],
                "mpjexpress.mpjdaemon.port.2=" + ports[1],
                "mpjexpress.mpjrun.port.1=" + ports[2],
                "mpjexpress.mpjdaemon.loglevel=OFF", "mpjexpress.mpjrun.loglevel=OFF", "mpjexpress.mpi.loglevel=OFF",
                "mpjexpress.version=0.44", "mpjexpress.mpi.old.collectives=false", ""));
        Files.createDirectories(dir.resolve("logs"));
        ProcessBuilder b = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", lib.resolve("daemon.jar").toString(), Integer.toString(ports[0]))
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/daemon.out").toFile());
        b.environment().put("MPJ_HOME", dir.toString());
        Process p = b.start();
        // Never probe the daemon with a connection (it breaks its clean-up thread): watch the kernel's socket table.
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!(listening(ports[0]) && listening(ports[1]))) {
            if (!p.isAlive() || System.nanoTime() > end) {
                p.destroyForcibly();
                throw new IOException("the MPJ daemon did not start: " + Files.readString(dir.resolve("logs/daemon.out")));
            }
            Thread.sleep(50);
        }
        return new PrivateMpjDaemon(dir, p, ports[0]);
    }

    Path home() {
        return home;
    }

    /** Rank JVMs the daemon is running now. */
    long ranksRunning() {
        return daemon.descendants().filter(ProcessHandle::isAlive).count();
    }

    /** Waits up to {@code timeout} for the daemon to have no rank JVM left. */
    boolean awaitNoRanks(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (ranksRunning() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        daemon.descendants().forEach(ProcessHandle::destroyForcibly);
        daemon.destroy();
        if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
            daemon.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        ServerSocket[] sockets = new ServerSocket[n];
        for (int i = 0; i < n; i++) {
            sockets[i] = new ServerSocket(0);
            ports[i] = sockets[i].getLocalPort();
        }
        for (ServerSocket s : sockets) {
            s.close();
        }
        return ports;
    }

    /** True if some socket listens on {@code port} (from /proc/net/tcp and tcp6, state 0A). */
    private static boolean listening(int port) throws IOException {
        String hex = String.format(":%04X ", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Paths.get(table);
            if (Files.exists(p)) {
                for (String line : Files.readAllLines(p)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && (f[1] + " ").endsWith(hex) && f[3].equals("0A")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "MPJ daemon on port " + daemonPort + " (MPJ_HOME " + home + ")";
    }
}
