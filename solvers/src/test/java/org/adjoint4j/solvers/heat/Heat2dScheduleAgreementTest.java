package org.adjoint4j.solvers.heat;

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
 * The heat2d gradient is the same under every kind of schedule — store-all, memory-only binomial,
 * memory + disk multi-level, disk-only, online — on one rank and on several.
 */
class Heat2dScheduleAgreementTest {

    private static final int N = 19;
    private static final int T = 90;

    @TempDir
    Path dir;

    private Heat2dProblem problem(Communicator comm, ProcessGrid grid) {
        double[] obs = new double[N * N];
        for (int k = 0; k < obs.length; k++) {
            obs[k] = 0.03 * Math.cos(0.7 * k);
        }
        return Heat2dProblem.builder().cells(N).steps(T).communicator(comm).processGrid(grid).observeAt(30, obs)
                .terminalObservations(obs).build();
    }

    private Hdf5SnapshotStore disk(Heat2dProblem p, Communicator comm, String name, int slots) {
        Block b = p.decomposition().block(comm.rank());
        return Hdf5SnapshotStore.builder().directory(dir.resolve(name)).layout(p.stepper().stateLayout().snapshotLayout())
                .rank(comm.rank()).capacity(slots).runIdentity(name)
                .gridBlock(new GridBlock(b.offsetX(), b.offsetY(), N, N)).build();
    }

    private GradientResult gradient(Heat2dProblem p, Communicator comm, String kind) {
        switch (kind) {
            case "store-all":
                return p.driver(StoreAllSchedule.of(T)).gradient(p.initialControls());
            case "binomial":
                return p.driver(BinomialSchedule.of(T, 5)).gradient(p.initialControls());
            case "multi-level": {
                Schedule s = MultiLevelSchedule.builder().steps(T).memorySlots(2).diskSlots(4).writeCost(1.5).readCost(0.5).build();
                try (Hdf5SnapshotStore d = disk(p, comm, "multi-level", s.slots(Tier.DISK))) {
                    return p.driverBuilder(s).store(d).build().gradient(p.initialControls());
                }
            }
            case "disk-only": {
                Schedule s = OnDiskSchedule.of(BinomialSchedule.of(T, 6));
                try (Hdf5SnapshotStore d = disk(p, comm, "disk-only", s.slots(Tier.DISK))) {
                    return p.driverBuilder(s).store(d).build().gradient(p.initialControls());
                }
            }
            case "online":
                return AdjointDriver.builder().stepper(p.stepper()).initialState(p.initialState()).objective(p.objective())
                        .onlineSchedule(DynamicSchedule.of(5), 10 * T).communicator(comm).build().gradient(p.initialControls());
            default:
                throw new AssertionError(kind);
        }
    }

    /** J, dJ/dκ, dJ/du0 gathered on rank 0. */
    private double[][] on(int px, int py, String kind) {
        AtomicReference<double[][]> out = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(px * py, (comm, args) -> {
            Heat2dProblem q = problem(comm, ProcessGrid.of(px, py, false, false));
            GradientResult r = gradient(q, comm, kind);
            double[] kappa = q.decomposition().gather(comm, r.gradient().fields().owned(0), 0);
            double[] u0 = q.decomposition().gather(comm, r.gradient().fields().owned(1), 0);
            if (comm.rank() == 0) {
                out.set(new double[][] {{r.value()}, kappa, u0});
            }
        }, new String[0], Duration.ofSeconds(120));
        assertTrue(job.ok(), job.message());
        return out.get();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binomial", "multi-level", "disk-only", "online"})
    void gradientEqualsStoreAllOnOneAndOnThreeRanks(String kind) {
        double[][] reference = on(1, 1, "store-all");
        for (int[] grid : new int[][] {{1, 1}, {3, 1}}) {
            double[][] r = on(grid[0], grid[1], kind);
            Heat2dDistributedTest.assertClose(reference[0], r[0], kind + " J on " + grid[0] + " ranks");
            Heat2dDistributedTest.assertClose(reference[1], r[1], kind + " dJ/dkappa on " + grid[0] + " ranks");
            Heat2dDistributedTest.assertClose(reference[2], r[2], kind + " dJ/du0 on " + grid[0] + " ranks");
        }
    }
}
