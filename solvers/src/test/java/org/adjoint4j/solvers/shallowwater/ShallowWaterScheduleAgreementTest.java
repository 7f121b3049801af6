package org.adjoint4j.solvers.shallowwater;

import java.nio.file.Path;
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
import org.adjoint4j.solvers.shallowwater.ShallowWaterCases.Boundaries;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * J, every control gradient and dJ/du0 are the same under store-all, binomial checkpointing with
 * several slot counts, memory + disk multi-level checkpointing (HDF5 snapshots) and the online dynamic
 * schedule, on one rank and on three.
 */
class ShallowWaterScheduleAgreementTest {

    private static final int NX = 19;
    private static final int NY = 9;
    private static final int T = 70;

    @TempDir
    Path dir;

    private static ShallowWaterProblem problem(ShallowWaterIntegrator integrator, Communicator comm, int px) {
        double[] obs = new double[NX * NY];
        for (int k = 0; k < obs.length; k++) {
            obs[k] = 0.02 * Math.cos(0.7 * k);
        }
        return ShallowWaterCases.builder(NX, NY, T, integrator, Boundaries.WALLS).observeAt(25, obs).communicator(comm)
                .processGrid(px, 1).build();
    }

    private Hdf5SnapshotStore disk(ShallowWaterProblem p, String name, int slots) {
        Communicator comm = p.communicator();
        Block b = p.decomposition().block(comm.rank());
        return Hdf5SnapshotStore.builder().directory(dir.resolve(name)).layout(p.stepper().stateLayout().snapshotLayout())
                .rank(comm.rank()).capacity(slots).runIdentity(name).gridBlock(new GridBlock(b.offsetX(), b.offsetY(), NX, NY))
                .build();
    }

    private GradientResult gradient(ShallowWaterProblem p, String kind) {
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
                String name = "multi-level-" + p.integrator() + "-" + p.communicator().size();
                try (Hdf5SnapshotStore d = disk(p, name, s.slots(Tier.DISK))) {
                    return p.driverBuilder(s).store(d).build().gradient(p.initialControls());
                }
            }
            case "online":
                return AdjointDriver.builder().stepper(p.stepper()).initialState(p.initialState()).objective(p.objective())
                        .onlineSchedule(DynamicSchedule.of(4), 10 * T).communicator(p.communicator()).build()
                        .gradient(p.initialControls());
            default:
                throw new AssertionError(kind);
        }
    }

    @ParameterizedTest
    @EnumSource(ShallowWaterIntegrator.class)
    void everyScheduleGivesTheStoreAllGradientOnOneAndOnThreeRanks(ShallowWaterIntegrator integrator) {
        ShallowWaterProblem one = problem(integrator, ShallowWaterCases.serial(), 1);
        double[][] reference = ShallowWaterCases.gathered(one, gradient(one, "store-all"));
        for (String kind : new String[] {"binomial-2", "binomial-5", "binomial-12", "multi-level", "online"}) {
            ShallowWaterCases.assertAgree(one, reference, ShallowWaterCases.gathered(one, gradient(one, kind)),
                    kind + " on 1 rank");
            double[][] three = ShallowWaterCases.onRanks(3, comm -> {
                ShallowWaterProblem p = problem(integrator, comm, 3);
                return ShallowWaterCases.gathered(p, gradient(p, kind));
            });
            ShallowWaterCases.assertAgree(one, reference, three, kind + " on 3 ranks");
        }
    }
}
