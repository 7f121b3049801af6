package org.adjoint4j.solvers.lorenz96;

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
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Lorenz-96 gradient (J, dJ/dF, dJ/dx0 and dJ/du0) is the same under store-all, binomial with
 * several slot counts, memory + disk multi-level and online checkpointing, on one rank and on three.
 */
class Lorenz96ScheduleAgreementTest {

    private static final int K = 37;
    private static final int T = 24;

    @TempDir
    Path dir;

    private static Lorenz96Problem problem(Communicator comm) {
        return Lorenz96Problem.builder().variables(K).steps(T).observeEvery(3).communicator(comm).build();
    }

    private GradientResult gradient(Lorenz96Problem p, Communicator comm, String kind) {
        switch (kind) {
            case "store-all":
                return p.driver(StoreAllSchedule.of(T)).gradient(p.initialControls());
            case "binomial-2":
                return p.driver(BinomialSchedule.of(T, 2)).gradient(p.initialControls());
            case "binomial-5":
                return p.driver(BinomialSchedule.of(T, 5)).gradient(p.initialControls());
            case "multi-level": {
                Schedule s = MultiLevelSchedule.builder().steps(T).memorySlots(2).diskSlots(3).writeCost(1.5).readCost(0.5)
                        .build();
                Block b = p.decomposition().block(comm.rank());
                try (Hdf5SnapshotStore disk = Hdf5SnapshotStore.builder().directory(dir.resolve("multi-level"))
                        .layout(p.stepper().stateLayout().snapshotLayout()).rank(comm.rank()).capacity(s.slots(Tier.DISK))
                        .runIdentity("lorenz96").gridBlock(new GridBlock(b.offsetX(), 0, K, 1)).build()) {
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

    /** {J}, {dJ/dF}, dJ/dx0, dJ/du0 gathered on rank 0. */
    private double[][] on(int ranks, String kind) {
        AtomicReference<double[][]> out = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(ranks, (comm, args) -> {
            Lorenz96Problem p = problem(comm);
            GradientResult r = gradient(p, comm, kind);
            double[] x0 = p.decomposition().gather(comm, r.gradient().fields().owned(0), 0);
            double[] u0 = p.decomposition().gather(comm, r.initialStateGradient().owned(0), 0);
            if (comm.rank() == 0) {
                out.set(new double[][] {{r.value()}, {r.gradient().scalar("F")}, x0, u0});
            }
        }, new String[0], Duration.ofSeconds(120));
        assertTrue(job.ok(), job.message());
        return out.get();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binomial-2", "binomial-5", "multi-level", "online"})
    void gradientEqualsStoreAllOnOneAndOnThreeRanks(String kind) {
        double[][] reference = on(1, "store-all");
        for (int ranks : new int[] {1, 3}) {
            double[][] r = on(ranks, kind);
            String[] names = {"J", "dJ/dF", "dJ/dx0", "dJ/du0"};
            for (int k = 0; k < names.length; k++) {
                Lorenz96DistributedTest.assertClose(reference[k], r[k], kind + " " + names[k] + " on " + ranks + " ranks");
            }
        }
    }
}
