package org.adjoint4j.examples.cli.schedule;

import java.util.ArrayList;
import java.util.List;

/** The checkpointing schedules the tool offers, by the name used in configurations and options. */
public enum ScheduleKind {
    /** Optimal binomial checkpointing with a fixed number of memory slots. */
    BINOMIAL("binomial"),
    /** Every state kept in memory: no recomputation, steps − 1 slots. */
    STORE_ALL("store-all"),
    /** Memory and disk slots, the least total cost for given or measured disk costs. */
    MULTI_LEVEL("multi-level"),
    /** Binomial checkpointing with every snapshot on disk. */
    DISK("disk"),
    /** For runs whose length the model decides: memory slots placed as the run goes. */
    ONLINE("online");

    private final String configName;

    ScheduleKind(String configName) {
        this.configName = configName;
    }

    /**
     * Whether the schedule writes to disk.
     *
     * @return true for multi-level and disk, which need the {@link DiskSettings}
     */
    public boolean usesDisk() {
        return this == MULTI_LEVEL || this == DISK;
    }

    /**
     * The name in configurations and on the command line, e.g. "store-all".
     *
     * @return the value of {@code checkpointing.schedule} that selects this kind
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
        for (ScheduleKind k : values()) {
            names.add(k.configName);
        }
        return names;
    }

    /**
     * The kind called {@code name}.
     *
     * @param name a configuration name, e.g. "multi-level" (case-sensitive)
     * @return the kind
     * @throws IllegalArgumentException naming the value and the allowed names if there is none
     */
    public static ScheduleKind named(String name) {
        for (ScheduleKind k : values()) {
            if (k.configName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("schedule must be one of " + String.join(", ", names()) + ", was '" + name + "'");
    }
}
