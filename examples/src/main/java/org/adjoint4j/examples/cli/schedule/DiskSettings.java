package org.adjoint4j.examples.cli.schedule;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ValueTypes;

/**
 * Where and how the disk tier writes, for schedules that use it.
 *
 * @param directory       the run directory: snapshots, journal and measured costs, one set of files per rank
 * @param compression     deflate level of the snapshots, 0 for none
 * @param journalInterval the longest time between two durable points of the journal
 */
public record DiskSettings(Path directory, int compression, Duration journalInterval) {

    /** {@code checkpointing.directory}. */
    public static final ConfigKey<String> DIRECTORY = ConfigKey.optional("checkpointing.directory", ValueTypes.text(),
            "adjoint4j-checkpoints", "run directory of the disk tier (node-local scratch on a cluster): snapshots, the"
                    + " journal that --resume continues from, measured disk costs; emptied when a run completes");
    /** {@code checkpointing.compression}. */
    public static final ConfigKey<Integer> COMPRESSION = ConfigKey.optional("checkpointing.compression",
            ValueTypes.integer(0, 9), 0, "lossless compression of disk snapshots (shuffle + deflate level), 0 for none");
    /** {@code checkpointing.journal_interval_seconds}. */
    public static final ConfigKey<Double> JOURNAL_INTERVAL = ConfigKey.optional("checkpointing.journal_interval_seconds",
            ValueTypes.numberAbove(0), 60.0, "longest time between two durable points of the journal of a disk run");
    /** The keys of the disk tier. */
    public static final List<ConfigKey<?>> KEYS = List.of(DIRECTORY, COMPRESSION, JOURNAL_INTERVAL);

    /**
     * The settings {@code configuration} asks for.
     *
     * @param configuration a configuration read with {@link #KEYS}
     * @return the settings, with the directory made absolute and normalised (not created)
     */
    public static DiskSettings from(Configuration configuration) {
        return new DiskSettings(Paths.get(configuration.get(DIRECTORY)).toAbsolutePath().normalize(),
                configuration.get(COMPRESSION), Duration.ofMillis(Math.round(configuration.get(JOURNAL_INTERVAL) * 1000)));
    }
}
