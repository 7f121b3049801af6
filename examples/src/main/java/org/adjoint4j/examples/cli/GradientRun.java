package org.adjoint4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.DiskCostCalibration;
import org.adjoint4j.adjoint.Objective;
import org.adjoint4j.adjoint.SweepObserver;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.storage.GridBlock;
import org.adjoint4j.checkpoint.storage.Hdf5SnapshotStore;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.model.Model;
import org.adjoint4j.examples.cli.schedule.DiskSettings;
import org.adjoint4j.examples.cli.schedule.ScheduleSpec;
import org.adjoint4j.mpi.Block;

/**
 * The driver of one gradient computation with the storage it needs. For schedules that use the disk:
 * the disk costs (measured by a short calibration, or read back when resuming), the HDF5 disk tier and
 * the journal in the run directory. {@link #close()} removes the run directory's files after a
 * successful run and keeps them otherwise, for {@code --resume}.
 */
final class GradientRun implements AutoCloseable {

    private static final int CALIBRATION_STEPS = 5;

    private final AdjointDriver driver;
    private final ScheduleSpec spec;
    private final Hdf5SnapshotStore disk;
    private final Path directory;
    private final Path costsFile;
    private boolean succeeded;

    private GradientRun(AdjointDriver driver, ScheduleSpec spec, Hdf5SnapshotStore disk, Path directory, Path costsFile) {
        this.driver = driver;
        this.spec = spec;
        this.disk = disk;
        this.directory = directory;
        this.costsFile = costsFile;
    }

    /**
     * Sets up the computation {@code job} describes.
     *
     * @param resume continue an interrupted run from the run directory
     * @param out    where rank 0 says what it measured or resumed
     * @throws ConfigurationException if the run directory cannot be used (another run's, an interrupted
     *         run without {@code resume}, too little space)
     */
    static GradientRun open(Job job, SweepObserver observer, boolean resume, PrintWriter out) {
        return open(job, job.model().objective(), observer, resume, out);
    }

    /** As {@link #open(Job, SweepObserver, boolean, PrintWriter)}, with another objective than the model's. */
    static GradientRun open(Job job, Objective objective, SweepObserver observer, boolean resume, PrintWriter out) {
        Model model = job.model();
        ScheduleSpec spec = job.scheduleSpec();
        AdjointDriver.Builder b = AdjointDriver.builder().stepper(model.stepper()).initialState(model.initialState())
                .objective(objective).communicator(job.communicator())
                .checkEveryStep(job.configuration().get(Job.CHECK_EVERY_STEP)).observer(observer);
        if (spec.online()) {
            return new GradientRun(b.onlineSchedule(spec.toOnlineSchedule(), Integer.MAX_VALUE - 1).build(), spec, null,
                    null, null);
        }
        if (!spec.kind().usesDisk()) {
            if (resume) {
                throw new ConfigurationException("--resume needs a schedule that uses the disk (multi-level or disk);"
                        + " checkpointing.schedule is \"" + spec.kind().configName() + "\"");
            }
            return new GradientRun(b.schedule(spec.toSchedule()).build(), spec, null, null, null);
        }
        DiskSettings settings = DiskSettings.from(job.configuration());
        int rank = job.communicator().rank();
        Path costs = settings.directory().resolve(String.format("costs-rank-%05d.properties", rank));
        String identity = job.runIdentity();
        if (spec.calibrate()) {
            spec = resume && Files.exists(costs) ? readCosts(spec, costs) : calibrate(job, spec, settings, identity, costs);
            if (job.printing()) {
                out.printf(Locale.ROOT, "disk costs: a write %.2f, a read %.2f forward steps (%s)%n", spec.writeCost(),
                        spec.readCost(), resume ? "of the interrupted run" : "measured");
            }
        }
        Schedule schedule = spec.toSchedule();
        Hdf5SnapshotStore store = diskStore(job, settings, identity, Math.max(1, schedule.slots(Tier.DISK)), resume,
                "snapshots");
        AdjointDriver driver = b.schedule(schedule).store(store)
                .journal(settings.directory().resolve("journal"), identity, settings.journalInterval()).resume(resume).build();
        return new GradientRun(driver, spec, store, settings.directory(), costs);
    }

    private static Hdf5SnapshotStore diskStore(Job job, DiskSettings settings, String identity, int capacity, boolean resume,
                                               String subdirectory) {
        Model model = job.model();
        Block block = model.decomposition().block(job.communicator().rank());
        try {
            return Hdf5SnapshotStore.builder().directory(settings.directory().resolve(subdirectory))
                    .layout(model.stepper().stateLayout().snapshotLayout()).rank(job.communicator().rank())
                    .capacity(capacity).runIdentity(identity).compression(settings.compression())
                    .gridBlock(new GridBlock(block.offsetX(), block.offsetY(), model.grid().nx(), model.grid().ny()))
                    .resume(resume).build();
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            String hint = resume ? "; resume with the configuration and rank count of the interrupted run, or remove the"
                    + " directory to start afresh" : "; if it holds an interrupted run, continue it with --resume or remove it";
            throw new ConfigurationException("checkpointing.directory '" + settings.directory() + "': " + e.getMessage() + hint, e);
        }
    }

    private static ScheduleSpec calibrate(Job job, ScheduleSpec spec, DiskSettings settings, String identity, Path costs) {
        Model model = job.model();
        DiskCostCalibration.Costs c;
        try (Hdf5SnapshotStore probe = diskStore(job, settings, "calibration-" + identity, 1, false, "calibration")) {
            c = DiskCostCalibration.measure(model.stepper(), model.initialState(), model.initialControls(), probe,
                    job.communicator(), Math.min(CALIBRATION_STEPS, model.steps()));
        }
        deleteIfEmpty(settings.directory().resolve("calibration"));
        Properties p = new Properties();
        p.setProperty("write_cost", Double.toString(c.write()));
        p.setProperty("read_cost", Double.toString(c.read()));
        try (var w = Files.newBufferedWriter(costs)) {
            p.store(w, "disk costs measured by adjoint4j, in forward steps; used again by --resume");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + costs + ": " + e.getMessage(), e);
        }
        return spec.withCosts(c.write(), c.read());
    }

    private static ScheduleSpec readCosts(ScheduleSpec spec, Path costs) {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(costs)) {
            p.load(r);
            return spec.withCosts(Double.parseDouble(p.getProperty("write_cost")), Double.parseDouble(p.getProperty("read_cost")));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("cannot read the disk costs of the interrupted run from " + costs + ": " + e);
        }
    }

    AdjointDriver driver() {
        return driver;
    }

    /** The schedule as run, with measured disk costs. */
    ScheduleSpec spec() {
        return spec;
    }

    /** The computation completed: its files can go. */
    void succeeded() {
        succeeded = true;
    }

    @Override
    public void close() {
        if (disk == null) {
            return;
        }
        if (!succeeded) {
            disk.closeKeepingSnapshots();
            return;
        }
        disk.close();
        try {
            Files.deleteIfExists(costsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + costsFile + ": " + e.getMessage(), e);
        }
        deleteIfEmpty(directory.resolve("journal"));
        deleteIfEmpty(directory.resolve("snapshots"));
        deleteIfEmpty(directory);
    }

    /** Removes {@code dir} if it exists and is empty: other ranks may still use a shared run directory. */
    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException busy) {
            // another rank's files are still there; the last rank to finish removes it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
