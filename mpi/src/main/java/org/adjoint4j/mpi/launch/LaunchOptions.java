package org.adjoint4j.mpi.launch;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the process launchers start rank JVMs: the java executable, JVM options, class path, MPJ
 * installation, working directory and time limit. Defaults copy this JVM: its java, its class path,
 * its native-library path, the Vector API module when present, native access for JHDF5.
 */
public final class LaunchOptions {

    private final Path java;
    private final List<String> jvmOptions;
    private final String classPath;
    private final MpjInstallation mpj;
    private final Path workingDirectory;
    private final Duration timeout;

    private LaunchOptions(Builder b) {
        this.java = b.java;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.classPath = b.classPath;
        this.mpj = b.mpj;
        this.workingDirectory = b.workingDirectory;
        this.timeout = b.timeout;
    }

    /**
     * Defaults copied from this JVM, with a 24-hour time limit.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The start of a rank JVM's command line: java and the JVM options. */
    List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        return command;
    }

    ClassPath classPath() {
        return classPath == null ? ClassPath.current() : ClassPath.of(classPath);
    }

    MpjInstallation mpj() {
        return mpj;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    Duration timeout() {
        return timeout;
    }

    /** Collects the options. */
    public static final class Builder {
        private Path java = ProcessHandle.current().info().command().map(Paths::get)
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java"));
        private final List<String> jvmOptions = new ArrayList<>();
        private String classPath;
        private MpjInstallation mpj;
        private Path workingDirectory = Paths.get("").toAbsolutePath();
        private Duration timeout = Duration.ofHours(24);

        private Builder() {
            String libraryPath = System.getProperty("java.library.path");
            if (libraryPath != null && !libraryPath.isBlank()) {
                jvmOptions.add("-Djava.library.path=" + libraryPath);
            }
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                jvmOptions.add("--add-modules=jdk.incubator.vector");
            }
            jvmOptions.add("--enable-native-access=ALL-UNNAMED");
            for (String p : new String[] {"adjoint4j.simd"}) {
                String v = System.getProperty(p);
                if (v != null) {
                    jvmOptions.add("-D" + p + "=" + v);
                }
            }
        }

        /**
         * The java executable of the rank JVMs.
         *
         * @param java path of the {@code java} launcher (default: this JVM's)
         * @return this builder
         * @throws NullPointerException if {@code java} is null
         */
        public Builder java(Path java) {
            this.java = Objects.requireNonNull(java, "java");
            return this;
        }

        /**
         * Adds a JVM option for every rank JVM (e.g. {@code -Xmx8g}).
         *
         * @param option one command-line argument, put after the default options
         * @return this builder
         * @throws NullPointerException if {@code option} is null
         */
        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /**
         * The class path of the job's program (default: this JVM's).
         *
         * @param classPath entries separated by the platform's path separator; jars' manifest
         *                  {@code Class-Path} entries are followed
         * @return this builder
         * @throws NullPointerException if {@code classPath} is null
         */
        public Builder classPath(String classPath) {
            this.classPath = Objects.requireNonNull(classPath, "classPath");
            return this;
        }

        /**
         * The MPJ Express installation (default: {@link MpjInstallation#locate()}).
         *
         * @param mpj the installation the rank JVMs use
         * @return this builder
         * @throws NullPointerException if {@code mpj} is null
         */
        public Builder mpj(MpjInstallation mpj) {
            this.mpj = Objects.requireNonNull(mpj, "mpj");
            return this;
        }

        /**
         * The working directory of the rank JVMs (default: this JVM's).
         *
         * @param directory the directory the rank JVMs start in; relative paths of the job resolve
         *                  against it
         * @return this builder
         * @throws NullPointerException if {@code directory} is null
         */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The time limit of the job; after it the launcher ends the job with exit code 124.
         *
         * @param timeout wall-clock limit of the whole job, positive (default 24 hours)
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The options.
         *
         * @return the options; the MPJ installation, if none was given, is located now (without
         *         checking that it is complete)
         */
        public LaunchOptions build() {
            if (mpj == null) {
                mpj = MpjInstallation.locate();
            }
            return new LaunchOptions(this);
        }
    }
}
