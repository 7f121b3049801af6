package org.adjoint4j.examples.cli.progress;

import java.util.ArrayList;
import java.util.List;

/** How the progress of the sweeps is shown. */
public enum ProgressMode {
    /** A bar on a terminal, plain lines otherwise. */
    AUTO("auto"),
    /** A bar redrawn in place, with percentage and ETA. */
    BAR("bar"),
    /** A plain line every few seconds, for batch logs. */
    LOG("log"),
    /** Nothing. */
    OFF("off");

    private final String configName;

    ProgressMode(String configName) {
        this.configName = configName;
    }

    /**
     * The name in configurations, e.g. "auto".
     *
     * @return the value of {@code progress.mode} that selects this mode
     */
    public String configName() {
        return configName;
    }

    /**
     * Every name, in declaration order.
     *
     * @return a new list of the configuration names
     */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (ProgressMode m : values()) {
            names.add(m.configName);
        }
        return names;
    }

    /**
     * The mode called {@code name}.
     *
     * @param name a configuration name, e.g. "log" (case-sensitive)
     * @return the mode
     * @throws IllegalArgumentException naming the value and the allowed names if there is none
     */
    public static ProgressMode named(String name) {
        for (ProgressMode m : values()) {
            if (m.configName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("progress mode must be one of " + String.join(", ", names()) + ", was '"
                + name + "'");
    }
}
