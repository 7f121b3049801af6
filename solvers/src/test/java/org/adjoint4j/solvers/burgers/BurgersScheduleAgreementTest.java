package org.adjoint4j.solvers.burgers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.DynamicSchedule;
import org.adjoint4j.checkpoint.schedule.MultiLevelSchedule;
import org.adjoint4j.checkpoint.schedule.OnDiskSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.checkpoint.storage.GridBlock;
import org.adjoint4j.checkpoint.storage.Hdf5SnapshotStore;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The burgers2d gradient (J, every control gradient) is the same under every kind of schedule —
 * store-all, memory-only binomial with several slot counts, memory + disk multi-level, disk-only,
 * online — on one rank, on three and on four.
 */
class BurgersScheduleAgreementTest {

    private static final int NX = 19;
    private static final int NY = 14;
    private static final int T = 70;

    @TempDir
    Path dir;

    private static BurgersProblem problem(Communicator comm, ProcessGrid grid) {
        return BurgersProblem.builder().cells(NX, NY).steps(T).energyAt(25).energyAt(50).communicator(comm)
                .processGrid(grid).build();
    }

    private Hdf5SnapshotStore disk(BurgersProblem p, Communicator comm, String name, int slots) {
        Block b = p.decomposition().block(comm.rank());
        return Hdf5SnapshotStore.builder().directory(dir.resolve(name)).layout(p.stepper().stateLayout().snapshotLayout())
                .rank(comm.rank()).capacity(slots).runIdentity(name)
                .gridBlock(new GridBlock(b.offsetX(), b.offsetY(), NX, NY)).build();
    }

    private GradientResult gradient(BurgersProblem p, Communicator comm, String kind) {
        switch (kind) {
            case "store-all":
                return p.driver(StoreAllSchedule.of(T)).gradient(p.initialControls());
            case "binomial-2":
                return p.driver(BinomialSchedule.of(T, 2)).gradient(p.initialControls());
            case "binomial-5":
                return p.driver(BinomialSchedule.of(T, 5)).gradient(p.initialControls());
            case "binomial-12":
                return p.driver(BinomialSchedule.of(T, 12)).gradient(p.initialControls());
            case "multi-level": {
                Schedule s = MultiLevelSchedule.builder().steps(T).memorySlots(2).diskSlots(4).writeCost(1.5).readCost(0.5)
                        .build();
                try (Hdf5SnapshotStore d = disk(p, comm, "multi-level-" + comm.size(), s.slots(Tier.DISK))) {
                    return p.driverBuilder(s).store(d).build().gradient(p.initialControls());
                }
            }
            case "disk-only": {
                Schedule s = OnDiskSchedule.of(BinomialSchedule.of(T, 6));
                try (Hdf5SnapshotStore d = disk(p, comm, "disk-only-" + comm.size(), s.slots(Tier.DISK))) {
                    return p.driverBuilder(s).store(d).build().gradient(p.initialControls());
                }
            }
            case "online":
                return AdjointDriver.builder().stepper(p.stepper()).initialState(p.initialState()).objective(p.objective())
                        .onlineSchedule(DynamicSchedule.of(5), 10 * T).communicator(comm).build()
                        .gradient(p.initialControls());
            default:
                throw new AssertionError(kind);
        }
    }

    /** J, the control gradients and dJ/dnu, gathered on rank 0. */
    private double[][] on(int px, int py, String kind) {
        AtomicReference<double[][]> out = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(px * py, (comm, args) -> {
            BurgersProblem p = problem(comm, ProcessGrid.of(px, py, true, true));
            double[][] g = Burgers2dDistributedTest.gathered(p, gradient(p, comm, kind));
            if (comm.rank() == 0) {
                out.set(g);
            }
        }, new String[0], Duration.ofSeconds(120));
        assertTrue(job.ok(), job.message());
        return out.get();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binomial-2", "binomial-5", "binomial-12", "multi-level", "disk-only", "online"})
    void gradientEqualsStoreAllOnOneThreeAndFourRanks(String kind) {
        double[][] reference = on(1, 1, "store-all");
        for (int[] grid : new int[][] {{1, 1}, {3, 1}, {2, 2}}) {
            double[][] r = on(grid[0], grid[1], kind);
            for (int k = 0; k < Burgers2dDistributedTest.NAMES.length; k++) {
                Burgers2dDistributedTest.assertClose(reference[k], r[k], kind + " " + Burgers2dDistributedTest.NAMES[k]
                        + " on " + grid[0] + "x" + grid[1] + " ranks");
            }
        }
    }
}
