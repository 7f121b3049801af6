package org.adjoint4j.examples.cli.output;

import java.nio.file.Path;
import java.util.List;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ValueTypes;

/**
 * The {@code [output]} section: where results go and which files are written.
 *
 * @param directory the output directory (relative paths are relative to the working directory)
 * @param overwrite whether an existing output directory is replaced
 * @param hdf5      whether HDF5 fields and their XDMF description are written
 * @param plots     whether PNG plots are written
 */
public record OutputSettings(Path directory, boolean overwrite, boolean hdf5, boolean plots) {

    /** {@code output.directory}. */
    public static final ConfigKey<String> DIRECTORY = ConfigKey.optional("output.directory", ValueTypes.text(),
            "adjoint4j-output", "the output directory, created by the run; relative to the working directory");
    /** {@code output.overwrite}. */
    public static final ConfigKey<Boolean> OVERWRITE = ConfigKey.optional("output.overwrite", ValueTypes.bool(), false,
            "replace an existing output directory (only once the new results are complete)");
    /** {@code output.hdf5}. */
    public static final ConfigKey<Boolean> HDF5 = ConfigKey.optional("output.hdf5", ValueTypes.bool(), true,
            "write the gradient and final state fields to fields.h5, described by fields.xmf (run)");
    /** {@code output.plots}. */
    public static final ConfigKey<Boolean> PLOTS = ConfigKey.optional("output.plots", ValueTypes.bool(), true,
            "write PNG plots: sensitivity maps (run), Taylor convergence (verify)");
    /** The keys of the {@code [output]} section. */
    public static final List<ConfigKey<?>> KEYS = List.of(DIRECTORY, OVERWRITE, HDF5, PLOTS);

    /**
     * The settings of {@code configuration}'s {@code [output]} section.
     *
     * @param configuration a configuration read with {@link #KEYS}
     * @return the settings; the directory is not checked or created here
     */
    public static OutputSettings from(Configuration configuration) {
        return new OutputSettings(Path.of(configuration.get(DIRECTORY)), configuration.get(OVERWRITE),
                configuration.get(HDF5), configuration.get(PLOTS));
    }
}
