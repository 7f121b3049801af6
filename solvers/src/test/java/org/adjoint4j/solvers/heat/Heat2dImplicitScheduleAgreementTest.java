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
 * The implicit heat2d gradient is the same under store-all, binomial with several slot counts, memory +
 * disk multi-level and online checkpointing, on one rank and on three.
 */
class Heat2dImplicitScheduleAgreementTest {

    private static final int N = 13;
    private static final int T = 24;

    @TempDir
    Path dir;

    private static Heat2dImplicitProblem problem(Communicator comm, ProcessGrid grid) {
        double[] obs = new double[N * N];
        for (int k = 0; k < obs.length; k++) {
            obs[k] = 0.03 * Math.cos(0.7 * k);
        }
        return Heat2dImplicitProblem.builder().cells(N).steps(T).communicator(comm).processGrid(grid).observeAt(9, obs)
                .terminalObservations(obs).build();
    }

    private GradientResult gradient(Heat2dImplicitProblem p, Communicator comm, String kind) {
        switch (kind) {
            case "store-all":
                return p.driver(StoreAllSchedule.of(T)).gradient(p.initialControls());
            case "binomial-2":
                return p.driver(BinomialSchedule.of(T, 2)).gradient(p.initialControls());
            case "binomial-6":
                return p.driver(BinomialSchedule.of(T, 6)).gradient(p.initialControls());
            case "multi-level": {
                Schedule s = MultiLevelSchedule.builder().steps(T).memorySlots(2).diskSlots(3).writeCost(1.5).readCost(0.5)
                        .build();
                Block b = p.decomposition().block(comm.rank());
                try (Hdf5SnapshotStore disk = Hdf5SnapshotStore.builder().directory(dir.resolve("multi-level"))
                        .layout(p.stepper().stateLayout().snapshotLayout()).rank(comm.rank()).capacity(s.slots(Tier.DISK))
                        .runIdentity("heat2d-implicit").gridBlock(new GridBlock(b.offsetX(), b.offsetY(), N, N)).build()) {
                    return p.driverBuilder(s).store(disk).build().gradient(p.initialControls());
                }
            }
            case "online":
                return AdjointDriver.builder().stepper(p.stepper()).initialState(p.initialState()).objective(p.objective())
                        .onlineSchedule(DynamicSchedule.of(4), 10 * T).communicator(comm).build().gradient(p.initialControls());
            default:
                throw new AssertionError(kind);
        }
    }

    /** J, dJ/dκ, dJ/du0 gathered on rank 0. */
    private double[][] on(int ranks, String kind) {
        AtomicReference<double[][]> out = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(ranks, (comm, args) -> {
            Heat2dImplicitProblem p = problem(comm, ProcessGrid.of(ranks, 1, false, false));
            GradientResult r = gradient(p, comm, kind);
            double[] kappa = p.decomposition().gather(comm, r.gradient().fields().owned(0), 0);
            double[] u0 = p.decomposition().gather(comm, r.gradient().fields().owned(1), 0);
            if (comm.rank() == 0) {
                out.set(new double[][] {{r.value()}, kappa, u0});
            }
        }, new String[0], Duration.ofSeconds(120));
        assertTrue(job.ok(), job.message());
        return out.get();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binomial-2", "binomial-6", "multi-level", "online"})
    void gradientEqualsStoreAllOnOneAndOnThreeRanks(String kind) {
        double[][] reference = on(1, "store-all");
        for (int ranks : new int[] {1, 3}) {
            double[][] r = on(ranks, kind);
            Heat2dDistributedTest.assertClose(reference[0], r[0], kind + " J on " + ranks + " ranks");
            Heat2dDistributedTest.assertClose(reference[1], r[1], kind + " dJ/dkappa on " + ranks + " ranks");
            Heat2dDistributedTest.assertClose(reference[2], r[2], kind + " dJ/du0 on " + ranks + " ranks");
        }
    }
}
