package org.adjoint4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.DiskCostCalibration;
import org.adjoint4j.adjoint.SweepStatistics;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.adjoint4j.checkpoint.SnapshotStore;
import org.adjoint4j.checkpoint.Snapshottable;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.MultiLevelSchedule;
import org.adjoint4j.checkpoint.storage.Hdf5SnapshotStore;
import org.adjoint4j.checkpoint.storage.MemorySnapshotStore;
import org.adjoint4j.mpi.SerialCommunicator;
import org.adjoint4j.solvers.heat.Heat2dProblem;

/**
 * Whether the disk tier's I/O hides behind the computation: a heat2d gradient with s<sub>m</sub>
 * memory plus s<sub>d</sub> HDF5 disk slots (the multi-level schedule for the disk costs measured at
 * start) against memory-only binomial checkpointing with the same s<sub>m</sub> + s<sub>d</sub> slots,
 * and against the same multi-level schedule with its disk slots kept in memory, which separates the
 * I/O from the extra recomputation the smaller memory tier costs.
 *
 * <p>Arguments: a directory on the disk to measure (node-local scratch; not a RAM file system), then
 * optionally N (default 1024), T (2000), s<sub>m</sub> (5), s<sub>d</sub> (20) and runs (5). The three
 * variants are interleaved in every run; figures are medians of the per-run ratios.
 */
public final class DiskTierReport {

    private static final int CALIBRATION_STEPS = 5;

    private DiskTierReport() {
    }

    /**
     * Measures the disk costs, runs the three variants and prints the comparison to standard output.
     * Without arguments prints the usage and exits with status 1.
     *
     * @param args {@code DIRECTORY [N [T [memorySlots [diskSlots [runs]]]]]}; the store's files go
     *             into a temporary directory inside {@code DIRECTORY}, removed at the end
     * @throws IOException if the directory cannot be created, or its files cannot be listed or removed
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: DiskTierReport DIRECTORY [N=1024] [T=2000] [memory slots=5] [disk slots=20] [runs=5]");
            System.exit(1);
        }
        Path parent = Files.createDirectories(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int memory = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int disk = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int runs = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        Heat2dProblem p = Heat2dProblem.builder().cells(n).steps(steps).build();
        Controls m = p.initialControls();
        Path directory = Files.createTempDirectory(parent, "disk-tier-");
        try (Hdf5SnapshotStore store = Hdf5SnapshotStore.builder().directory(directory)
                .layout(p.stepper().stateLayout().snapshotLayout()).rank(0).capacity(disk).runIdentity("disk-tier-report")
                .build()) {
            DiskCostCalibration.Costs costs = DiskCostCalibration.measure(p.stepper(), p.initialState(), m, store,
                    SerialCommunicator.instance(), CALIBRATION_STEPS);
            Schedule multiLevel = MultiLevelSchedule.builder().steps(steps).memorySlots(memory).diskSlots(disk)
                    .writeCost(costs.write()).readCost(costs.read()).build();
            AdjointDriver onDisk = p.driverBuilder(multiLevel).store(store).build();
            AdjointDriver inMemory = p.driverBuilder(multiLevel)
                    .store(new DiskSlotsInMemory(new MemorySnapshotStore(store.layout(), disk))).build();
            AdjointDriver memoryOnly = p.driver(BinomialSchedule.of(steps, memory + disk));
            System.out.printf(Locale.ROOT, "heat2d N=%d T=%d, snapshot %.1f MB, %d memory + %d disk slots vs %d memory"
                            + " slots; disk costs measured: write %.2f, read %.2f forward steps; java %s; in %s%n",
                    n, steps, p.stepper().stateLayout().snapshotLayout().bytes() / (double) (1 << 20), memory, disk,
                    memory + disk, costs.write(), costs.read(), Runtime.version(), directory);
            onDisk.gradient(m); // warm-up: class loading, the JIT, the HDF5 library
            memoryOnly.gradient(m);
            double[][] wall = new double[3][runs];
            SweepStatistics[] last = new SweepStatistics[3];
            AdjointDriver[] drivers = {memoryOnly, inMemory, onDisk};
            for (int r = 0; r < runs; r++) {
                for (int v = 0; v < drivers.length; v++) {
                    last[v] = drivers[v].gradient(m).statistics();
                    wall[v][r] = last[v].totalNanos() * 1e-9;
                }
            }
            String[] names = {"memory only, binomial", "multi-level, disk slots in memory", "multi-level, disk slots on HDF5"};
            for (int v = 0; v < drivers.length; v++) {
                SweepStatistics s = last[v];
                System.out.printf(Locale.ROOT, "  %-34s forward %5d  disk writes %3d reads %3d  wall median %7.3f s"
                                + " (min %.3f, max %.3f)  storage %.3f s%n", names[v], s.forwardEvaluations(),
                        s.usage(Tier.DISK).stores(),
                        s.usage(Tier.DISK).restores(), median(wall[v]), min(wall[v]),
                        max(wall[v]), s.storageNanos() * 1e-9);
            }
            System.out.printf(Locale.ROOT, "wall time on disk / memory only: median %.3f (per-run ratios %s)%n",
                    median(ratios(wall[2], wall[0])), Arrays.toString(round(ratios(wall[2], wall[0]))));
            System.out.printf(Locale.ROOT, "of which I/O (on disk / disk slots in memory): median %.3f,"
                    + " recomputation (disk slots in memory / memory only): median %.3f%n",
                    median(ratios(wall[2], wall[1])), median(ratios(wall[1], wall[0])));
        } finally {
            try (Stream<Path> left = Files.walk(directory)) { // the store's close() removed its snapshots
                for (Path f : (Iterable<Path>) left.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** The disk tier's slots held in memory: the multi-level schedule without its I/O. */
    private record DiskSlotsInMemory(MemorySnapshotStore memory) implements SnapshotStore {

        @Override
        public Tier tier() {
            return Tier.DISK;
        }

        @Override
        public SnapshotLayout layout() {
            return memory.layout();
        }

        @Override
        public int capacity() {
            return memory.capacity();
        }

        @Override
        public void store(int slot, int step, Snapshottable source) {
            memory.store(slot, step, source);
        }

        @Override
        public void restore(int slot, int step, Snapshottable target) {
            memory.restore(slot, step, target);
        }

        @Override
        public void discard(int slot, int step) {
            memory.discard(slot, step);
        }

        @Override
        public int heldStep(int slot) {
            return memory.heldStep(slot);
        }

        @Override
        public void close() {
            memory.close();
        }
    }

    private static double[] ratios(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return r;
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 1000) / 1000.0;
        }
        return r;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }
}
