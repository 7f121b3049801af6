package org.adjoint4j.solvers.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.NonFiniteValueException;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.DotProductTest;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.SerialCommunicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Heat2dTest {

    private static final int N = 16;
    private static final int T = 60;

    private static Heat2dProblem problem() {
        return Heat2dProblem.builder().cells(N).steps(T).build();
    }

    /** A direction that perturbs only the named control field, smoothly varying plus seeded noise. */
    private static Controls direction(Heat2dProblem p, String field) {
        Controls d = new Controls(p.stepper().controlLayout());
        FieldSpec s = p.cellsSpec();
        double[] values = new double[s.ownedLength()];
        java.util.Random random = new java.util.Random(11);
        for (int k = 0; k < values.length; k++) {
            values[k] = Math.cos(0.3 * k) + 0.5 * (random.nextDouble() - 0.5);
        }
        d.fields().setOwned(d.layout().fields().indexOf(field), values);
        return d;
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 16})
    void adjointStepPassesTheDotProductTest(int n) {
        Heat2dProblem p = Heat2dProblem.builder().cells(n).steps(10).build();
        Controls m = p.initialControls();
        Fields u = new Fields(p.stepper().stateLayout());
        p.initialState().evaluate(m, u);
        for (int step : new int[] {0, 3}) {
            DotProductResult r = DotProductTest.builder(p.stepper()).step(step).at(u, m).seed(step + 1).build().run();
            assertTrue(r.passed(), r.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kappa", "u0"})
    void taylorTestConvergesAtSecondOrder(String control) {
        Heat2dProblem p = problem();
        TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(T, 5))).at(p.initialControls())
                .direction(direction(p, control)).build().run();
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void taylorTestWithTimeDistributedObservations() {
        double[] obs = new double[N * N];
        java.util.Arrays.fill(obs, 0.05);
        Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(T).observeAt(0, obs).observeAt(17, obs)
                .observeAt(40, null).terminalObservations(obs).build();
        Controls d = direction(p, "kappa");
        d.addScaled(1.0, direction(p, "u0"));
        TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(T, 3))).at(p.initialControls()).direction(d)
                .build().run();
        assertTrue(r.passed(), r.toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gradientIsTheSameUnderStoreAllAndBinomialCheckpointing(boolean timeDistributed) {
        Heat2dProblem.Builder builder = Heat2dProblem.builder().cells(N).steps(T);
        if (timeDistributed) {
            double[] obs = new double[N * N];
            for (int k = 0; k < obs.length; k++) {
                obs[k] = 0.01 * (k % 7);
            }
            builder.observeAt(5, obs).observeAt(31, obs).observeAt(59, null);
        }
        Heat2dProblem p = builder.build();
        Controls m = p.initialControls();
        GradientResult reference = p.driver(StoreAllSchedule.of(T)).gradient(m);
        for (int s : new int[] {1, 3, 10}) {
            Schedule schedule = BinomialSchedule.of(T, s);
            GradientResult r = p.driver(schedule).gradient(m);
            assertEquals(reference.value(), r.value(), 1e-12 * reference.value(), schedule.toString());
            for (int f = 0; f < 2; f++) {
                assertRelativelyClose(reference.gradient().fields().owned(f), r.gradient().fields().owned(f), 1e-12,
                        schedule + " field " + m.layout().fields().get(f).name());
            }
            assertTrue(r.statistics().forwardEvaluations() > T || s >= T - 1, "checkpointing recomputes");
        }
    }

    @Test
    void initialConditionGradientEqualsTheInitialStateAdjoint() {
        Heat2dProblem p = problem();
        GradientResult r = p.driver(BinomialSchedule.of(T, 4)).gradient(p.initialControls());
        assertRelativelyClose(r.initialStateGradient().owned(0), r.gradient().fields().owned(1), 0, "dJ/du0");
    }

    @Test
    void aNaNInKappaIsReportedAtTheFirstStepWithItsCell() {
        double[] kappa = new double[N * N];
        java.util.Arrays.fill(kappa, 1.0);
        kappa[4 * N + 3] = Double.NaN;
        Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(T).build();
        Controls m = p.initialControls();
        m.fields().setOwned(0, kappa);
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> p.driver(BinomialSchedule.of(T, 3)).gradient(m));
        // κ(3,4) enters the faces of cell (3,4) and its four neighbours; (3,3) comes first, x fastest.
        assertEquals(0, e.step(), e.getMessage());
        assertTrue(e.getMessage().startsWith("forward step 0 produced a non-finite value on rank 0: u_1, field 'u' cell (3, 3) = NaN"),
                e.getMessage());
    }

    @Test
    void anUnstableRunIsStoppedAtTheStepThatOverflows() {
        Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(400).build();
        Controls m = p.initialControls();
        double[] kappa = m.fields().owned(0);
        for (int k = 0; k < kappa.length; k++) {
            kappa[k] *= 20; // dt was fixed from the original κ: now beyond the explicit stability limit
        }
        m.fields().setOwned(0, kappa);
        // the first overflowing step, found by stepping without the driver
        Heat2d stepper = p.stepper();
        stepper.prepare(m);
        Fields u = new Fields(stepper.stateLayout());
        Fields next = new Fields(stepper.stateLayout());
        p.initialState().evaluate(m, u);
        int firstBad = -1;
        for (int n = 0; n < 400 && firstBad < 0; n++) {
            stepper.forward(n, u, next, m);
            if (!next.allFinite()) {
                firstBad = n;
            }
            Fields t = u;
            u = next;
            next = t;
        }
        assertTrue(firstBad > 0, "the run must overflow within 400 steps");
        int expected = firstBad;
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> p.driver(BinomialSchedule.of(400, 6)).gradient(m));
        assertEquals(expected, e.step(), e.getMessage());
        assertEquals(NonFiniteValueException.Phase.FORWARD_STEP, e.phase());
    }

    @Test
    void badSettingsNameTheParameterAndValue() {
        assertEquals("cells must be >= 2, was 1",
                assertThrows(IllegalArgumentException.class, () -> Heat2dProblem.builder().cells(1)).getMessage());
        assertEquals("steps must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> Heat2dProblem.builder().steps(0)).getMessage());
        assertEquals("kappa: expected 256 values (16x16), got 10", assertThrows(IllegalArgumentException.class,
                () -> Heat2dProblem.builder().cells(16).kappa(new double[10]).build()).getMessage());
        assertEquals("terminal observations: expected 256 values (16x16), got 255", assertThrows(IllegalArgumentException.class,
                () -> Heat2dProblem.builder().cells(16).terminalObservations(new double[255]).build()).getMessage());
        Heat2dProblem p = problem();
        assertThrows(IllegalArgumentException.class, () -> p.driver(BinomialSchedule.of(T + 1, 3)));
        Decomposition2d twoRanks = Decomposition2d.of(8, 8, ProcessGrid.of(2, 1, false, false));
        assertEquals("process grid 2x1 has 2 ranks, the job 1", assertThrows(IllegalArgumentException.class,
                () -> new Heat2d(SerialCommunicator.instance(), twoRanks, 1e-4, 10)).getMessage());
    }

    private static void assertRelativelyClose(double[] expected, double[] actual, double tolerance, String what) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int k = 0; k < expected.length; k++) {
            double error = Math.abs(expected[k] - actual[k]);
            if (error > tolerance * scale) {
                throw new AssertionError(what + ": cell " + k + " expected " + expected[k] + " but was " + actual[k]
                        + " (relative error " + error / scale + " > " + tolerance + ")");
            }
        }
    }
}
