package org.adjoint4j.examples.cli.parallel;

import java.time.Duration;
import java.util.List;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ValueTypes;

/**
 * The {@code [parallel]} section: how many ranks and how to start them.
 *
 * @param ranks      number of ranks, at least 1
 * @param device     how the ranks are started
 * @param timeLimit  the job is killed after it; {@code null} for none
 */
public record ParallelSettings(int ranks, Device device, Duration timeLimit) {

    /** {@code parallel.ranks}. */
    public static final ConfigKey<Integer> RANKS = ConfigKey.optional("parallel.ranks", ValueTypes.integer(1, 4096), 1,
            "number of ranks; the grid is split over them in blocks (command line: --ranks P)");
    /** {@code parallel.device}. */
    public static final ConfigKey<String> DEVICE = ConfigKey.optional("parallel.device", ValueTypes.oneOf(Device.names()),
            Device.THREADS.configName(), "how ranks are started: threads of this JVM, MPJ Express's multicore device in a"
                    + " child JVM, or niodev with one JVM per rank on this host (command line: --device D)");
    /** {@code parallel.time_limit_minutes}. */
    public static final ConfigKey<Integer> TIME_LIMIT = ConfigKey.optional("parallel.time_limit_minutes",
            ValueTypes.integer(0, Integer.MAX_VALUE), 0,
            "kill a run on several ranks that takes longer than this; 0 for no limit");
    /** The keys of the {@code [parallel]} section. */
    public static final List<ConfigKey<?>> KEYS = List.of(RANKS, DEVICE, TIME_LIMIT);

    /**
     * The settings {@code configuration} asks for.
     *
     * @param configuration a configuration read with {@link #KEYS}
     * @return the settings; a time limit of 0 minutes becomes {@code null}
     */
    public static ParallelSettings from(Configuration configuration) {
        int minutes = configuration.get(TIME_LIMIT);
        return new ParallelSettings(configuration.get(RANKS), Device.of(configuration.get(DEVICE)),
                minutes == 0 ? null : Duration.ofMinutes(minutes));
    }
}
