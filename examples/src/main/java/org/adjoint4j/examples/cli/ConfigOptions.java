package org.adjoint4j.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adjoint4j.examples.cli.model.ModelRegistry;
import org.adjoint4j.examples.cli.parallel.ParallelSettings;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.SerialCommunicator;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The configuration arguments shared by {@code run} and {@code verify}: CONFIG and {@code --set KEY=VALUE}. */
final class ConfigOptions {

    @Parameters(index = "0", paramLabel = "CONFIG",
            description = "Configuration file (TOML); keys are documented in docs/configuration.md.")
    private Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a configuration key, validated like the file, e.g. --set checkpointing.memory_slots=10"
                    + " or --set model.observation_steps=[20,40]. Repeatable; later ones win.")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--ranks", paramLabel = "P", description = "Run on P ranks; short for --set parallel.ranks=P.")
    private Integer ranks;

    @Option(names = "--device", paramLabel = "D",
            description = "How the ranks are started: threads, multicore or niodev; short for --set parallel.device=D.")
    private String device;

    private final ModelRegistry registry;
    private final Communicator rankComm;

    /** Options for the models of {@link ModelRegistry#standard()}, in the JVM the user started. */
    ConfigOptions() {
        this(ModelRegistry.standard(), null);
    }

    /** Options for the models of {@code registry}, in the JVM the user started. */
    ConfigOptions(ModelRegistry registry) {
        this(registry, null);
    }

    /**
     * Options for the models of {@code registry}.
     *
     * @param rankComm this rank's communicator when the command runs as one rank of a job; {@code null}
     *                 in the JVM the user started, which validates and then launches the ranks
     */
    ConfigOptions(ModelRegistry registry, Communicator rankComm) {
        this.registry = registry;
        this.rankComm = rankComm;
    }

    /**
     * Reads and validates the configuration and builds the job it describes: this rank's part on a
     * rank, the whole model on one rank in the JVM the user started.
     */
    Job load() {
        List<String> all = new ArrayList<>(overrides);
        if (ranks != null) {
            all.add(ParallelSettings.RANKS.name() + "=" + ranks);
        }
        if (device != null) {
            all.add(ParallelSettings.DEVICE.name() + "=\"" + device + "\"");
        }
        return Job.load(file, all, registry, rankComm == null ? SerialCommunicator.instance() : rankComm);
    }

    /** The models these options know. */
    ModelRegistry registry() {
        return registry;
    }

    /** True when the command runs as one rank of a job started by a launcher. */
    boolean onRank() {
        return rankComm != null;
    }
}
