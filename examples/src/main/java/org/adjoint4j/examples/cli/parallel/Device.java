package org.adjoint4j.examples.cli.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the ranks of a run are started ({@code parallel.device}). */
public enum Device {
    /** Threads of this JVM (no MPI library involved): the default on a workstation. */
    THREADS,
    /** MPJ Express's multicore device: threads of one child JVM. */
    MULTICORE,
    /** MPJ Express's niodev device: one JVM per rank on this host, connected by TCP. */
    NIODEV;

    /**
     * The name used in configurations, e.g. "threads".
     *
     * @return the constant's name in lower case
     */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The device called {@code name}.
     *
     * @param name a configuration name, e.g. "niodev" (case is ignored)
     * @return the device
     * @throws IllegalArgumentException if there is no device of that name
     */
    public static Device of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Every configuration name.
     *
     * @return a new list of the names, in declaration order
     */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Device d : values()) {
            names.add(d.configName());
        }
        return names;
    }
}
