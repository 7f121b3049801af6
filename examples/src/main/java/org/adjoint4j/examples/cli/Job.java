package org.adjoint4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adjoint4j.adjoint.SweepObserver;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ConfigurationReader;
import org.adjoint4j.examples.cli.config.ValueTypes;
import org.adjoint4j.examples.cli.estimate.EstimateSettings;
import org.adjoint4j.examples.cli.model.Model;
import org.adjoint4j.examples.cli.model.ModelRegistry;
import org.adjoint4j.examples.cli.output.OutputSettings;
import org.adjoint4j.examples.cli.parallel.ParallelSettings;
import org.adjoint4j.examples.cli.progress.ProgressObserver;
import org.adjoint4j.examples.cli.schedule.DiskSettings;
import org.adjoint4j.examples.cli.schedule.ScheduleSpec;
import org.adjoint4j.examples.cli.verify.VerificationPlan;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;

/**
 * What {@code run} and {@code verify} work on, all validated before any computation: the
 * configuration, the model it describes, the checkpointing schedule, the output settings and the
 * ranks of the run.
 */
final class Job {

    /** {@code driver.check_every_step}. */
    static final ConfigKey<Boolean> CHECK_EVERY_STEP = ConfigKey.optional("driver.check_every_step", ValueTypes.bool(),
            false, "check every forward and adjoint step for NaN and infinity (default: only stored states and results)");

    private final Configuration configuration;
    private final Model model;
    private final ScheduleSpec scheduleSpec;
    private final OutputSettings output;
    private final ParallelSettings parallel;
    private final Communicator comm;
    private final ModelRegistry registry;

    private Job(Configuration configuration, Model model, ScheduleSpec scheduleSpec, OutputSettings output,
                ParallelSettings parallel, Communicator comm, ModelRegistry registry) {
        this.configuration = configuration;
        this.model = model;
        this.scheduleSpec = scheduleSpec;
        this.output = output;
        this.parallel = parallel;
        this.comm = comm;
        this.registry = registry;
    }

    /** The keys of every section but {@code [model]}, in documentation order. */
    static List<ConfigKey<?>> generalKeys() {
        List<ConfigKey<?>> keys = new ArrayList<>(ScheduleSpec.KEYS);
        keys.addAll(DiskSettings.KEYS);
        keys.add(CHECK_EVERY_STEP);
        keys.add(RunCommand.TAYLOR_TEST);
        keys.addAll(OutputSettings.KEYS);
        keys.addAll(ProgressObserver.KEYS);
        keys.addAll(VerificationPlan.KEYS);
        keys.addAll(EstimateSettings.KEYS);
        keys.addAll(ParallelSettings.KEYS);
        return keys;
    }

    /**
     * Reads the configuration and builds this rank's part of the model and the schedule it describes.
     *
     * @param comm the ranks of the run; on a single rank while validating before a launch
     * @throws org.adjoint4j.examples.cli.config.ConfigurationException naming every problem found
     */
    static Job load(Path file, List<String> overrides, ModelRegistry registry, Communicator comm) {
        Configuration c = new ConfigurationReader(generalKeys(), registry.typeKey(), registry::keysOf).read(file, overrides);
        ParallelSettings parallel = ParallelSettings.from(c);
        if (comm.size() > 1 && comm.size() != parallel.ranks()) {
            throw new IllegalStateException("the job has " + comm.size() + " ranks but the configuration asks for "
                    + parallel.ranks());
        }
        Model model = registry.build(c, comm);
        if (comm.size() == 1 && parallel.ranks() > 1) {
            // validating before a launch, on one rank: the grid must also split over the ranks asked for
            requireSplittable(model, parallel.ranks(), c);
        }
        return new Job(c, model, ScheduleSpec.from(c, model.steps()), OutputSettings.from(c), parallel, comm, registry);
    }

    /** The grid must give every rank at least one cell in each direction. */
    private static void requireSplittable(Model model, int ranks, Configuration c) {
        try {
            Decomposition2d.of(model.grid().nx(), model.grid().ny(),
                    ProcessGrid.balanced(ranks, model.grid().nx(), model.grid().ny(), false, false));
        } catch (IllegalArgumentException e) {
            throw ConfigurationException.notAllowed(ParallelSettings.RANKS.name(), Integer.toString(ranks),
                    "a rank count whose blocks of the " + model.grid().nx() + "x" + model.grid().ny()
                            + " grid have at least one cell in each direction", c.origin(ParallelSettings.RANKS));
        }
    }

    /** How many ranks, and how to start them. */
    ParallelSettings parallel() {
        return parallel;
    }

    Configuration configuration() {
        return configuration;
    }

    Model model() {
        return model;
    }

    ScheduleSpec scheduleSpec() {
        return scheduleSpec;
    }


    OutputSettings output() {
        return output;
    }

    Communicator communicator() {
        return comm;
    }

    /** True on the rank that prints and writes the output files. */
    boolean printing() {
        return comm.rank() == 0;
    }

    /** The progress display the configuration asks for, printing to {@code err} on rank 0. */
    SweepObserver progress(PrintWriter err) {
        return ProgressObserver.create(configuration, err, comm.rank());
    }

    /**
     * The run's identity: a hash of everything that decides its results and of its rank count, so that
     * {@code --resume} refuses a run directory of another configuration or rank layout.
     */
    String runIdentity() {
        StringBuilder canonical = new StringBuilder("adjoint4j-run;");
        List<ConfigKey<?>> keys = new ArrayList<>(registry.keysOf(model.type()));
        keys.addAll(ScheduleSpec.KEYS);
        keys.addAll(DiskSettings.KEYS);
        keys.add(CHECK_EVERY_STEP);
        keys.add(ParallelSettings.RANKS);
        canonical.append("model.type=").append(model.type()).append(';');
        for (ConfigKey<?> k : keys) {
            canonical.append(k.name()).append('=').append(configuration.get(k)).append(';');
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** One line naming the model, the schedule and the ranks. */
    String header() {
        return model.description() + ", schedule " + scheduleSpec.describe() + ", " + comm.size()
                + (comm.size() == 1 ? " rank" : " ranks");
    }
}
