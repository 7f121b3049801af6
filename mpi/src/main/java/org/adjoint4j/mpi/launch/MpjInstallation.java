package org.adjoint4j.mpi.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Where MPJ Express 0.44 is installed: {@code -Dmpj.home}, else {@code MPJ_HOME}, else Debian's
 * {@code /usr/share/mpj}. Names the jars each device needs.
 */
public final class MpjInstallation {

    private static final String[] MULTICORE_JARS = {"smpdev.jar", "xdev.jar", "mpjbuf.jar", "loader2.jar", "starter.jar",
        "mpiExp.jar"};

    private final Path home;

    private MpjInstallation(Path home) {
        this.home = home;
    }

    /**
     * The installation this JVM is configured for.
     *
     * @return the installation at {@code -Dmpj.home}, else {@code MPJ_HOME}, else {@code /usr/share/mpj};
     *         not checked to exist
     */
    public static MpjInstallation locate() {
        String home = System.getProperty("mpj.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("MPJ_HOME");
        }
        if (home == null || home.isBlank()) {
            home = "/usr/share/mpj";
        }
        return at(Paths.get(home));
    }

    /**
     * The installation at {@code home}.
     *
     * @param home the MPJ Express directory (the one holding {@code lib/mpj.jar}); made absolute
     * @return the installation; not checked to exist
     */
    public static MpjInstallation at(Path home) {
        return new MpjInstallation(home.toAbsolutePath());
    }

    /**
     * MPJ_HOME.
     *
     * @return the absolute installation directory, passed to rank JVMs as {@code MPJ_HOME}
     */
    public Path home() {
        return home;
    }

    /**
     * The jar a niodev rank JVM needs: {@code lib/mpj.jar}.
     *
     * @return {@code lib/mpj.jar} and the log4j 1.2 jar it needs (MPJ's own, else Debian's)
     * @throws IllegalStateException if a jar does not exist
     */
    public List<Path> niodevJars() {
        return List.of(require(lib("mpj.jar")), log4j());
    }

    /**
     * The jars of the multicore device's starter JVM.
     *
     * @return the starter's class path: MPJ's multicore jars and log4j 1.2
     * @throws IllegalStateException if one of them, or {@code lib/mpi.jar} or {@code lib/mpjdev.jar}
     *                               (which the starter loads per rank), does not exist
     */
    public List<Path> multicoreJars() {
        List<Path> jars = new ArrayList<>();
        for (String j : MULTICORE_JARS) {
            jars.add(require(lib(j)));
        }
        require(lib("mpi.jar"));     // loaded per rank by the starter
        require(lib("mpjdev.jar"));
        jars.add(log4j());
        return jars;
    }

    private Path lib(String jar) {
        return home.resolve("lib").resolve(jar);
    }

    private Path log4j() {
        Path p = lib("log4j-1.2.jar");
        if (Files.exists(p)) {
            return p;
        }
        return require(Paths.get("/usr/share/java/log4j-1.2.jar"));
    }

    private Path require(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException("MPJ Express 0.44 is incomplete or missing: " + p + " does not exist (MPJ_HOME="
                    + home + "). Install Debian's libmpj-java (bin/setup does) or set MPJ_HOME to an MPJ Express 0.44 installation.");
        }
        return p;
    }

    @Override
    public String toString() {
        return "MPJ Express at " + home;
    }
}
