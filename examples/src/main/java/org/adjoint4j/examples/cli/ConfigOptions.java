package org.adjoint4j.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adjoint4j.examples.cli.model.ModelRegistry;
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

    private final ModelRegistry registry;

    /** Options for the models of {@link ModelRegistry#standard()}. */
    ConfigOptions() {
        this(ModelRegistry.standard());
    }

    /** Options for the models of {@code registry}. */
    ConfigOptions(ModelRegistry registry) {
        this.registry = registry;
    }

    /** Reads and validates the configuration and builds the job it describes. */
    Job load() {
        return Job.load(file, overrides, registry);
    }
}
