package org.adjoint4j.solvers.lorenz96;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.DotProductTest;
import org.adjoint4j.adjoint.verify.TangentLinearResult;
import org.adjoint4j.adjoint.verify.TangentLinearTest;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.SerialCommunicator;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lorenz-96 on one rank: closed-form solutions, tangent, adjoint and gradient checks. */
class Lorenz96Test {

    private static final int T = 20;

    private static Lorenz96Problem problem(int variables) {
        return Lorenz96Problem.builder().variables(variables).steps(T).build();
    }

    /** x_n of the problem's first-guess run, by stepping without the driver. */
    static Fields stateAt(Lorenz96Problem p, Controls m, int n) {
        Lorenz96 stepper = p.stepper();
        stepper.prepare(m);
        Fields u = new Fields(stepper.stateLayout());
        Fields next = new Fields(stepper.stateLayout());
        p.initialState().evaluate(m, u);
        for (int k = 0; k < n; k++) {
            stepper.forward(k, u, next, m);
            Fields t = u;
            u = next;
            next = t;
        }
        return u;
    }

    /** A direction in one control only ("F" or "x0"), smooth plus seeded noise. */
    static Controls direction(Lorenz96Problem p, String control) {
        Controls d = new Controls(p.stepper().controlLayout());
        if (control.equals("F")) {
            d.setScalar("F", 1.0);
            return d;
        }
        double[] values = new double[p.variablesSpec().ownedLength()];
        java.util.Random random = new java.util.Random(5);
        for (int k = 0; k < values.length; k++) {
            values[k] = Math.cos(0.4 * k) + 0.5 * (random.nextDouble() - 0.5);
        }
        d.fields().setOwned(0, values);
        return d;
    }

    @Test
    void theUniformStateXEqualsFIsAnExactSteadyState() {
        Lorenz96 stepper = new Lorenz96(37, 0.05);
        Controls m = new Controls(stepper.controlLayout());
        m.setScalar("F", 8.0);
        Fields x = new Fields(stepper.stateLayout());
        double[] uniform = new double[37];
        Arrays.fill(uniform, 8.0);
        x.setOwned(0, uniform);
        Fields next = new Fields(stepper.stateLayout());
        for (int n = 0; n < 50; n++) {
            stepper.forward(n, x, next, m);
            x.copyFrom(next);
        }
        // f(F·1) = (F − F)·F − F + F = 0 exactly in floating point: every stage is zero
        assertArrayEquals(uniform, x.owned(0));
    }

    @ParameterizedTest(name = "K={0}, wavenumber {1}")
    @CsvSource({"40,1", "40,7", "37,5"})
    void aFourierModeAtTheSteadyStateGrowsByTheRk4StabilityFunction(int variables, int wavenumber) {
        double dt = 0.05;
        double forcing = 8.0;
        Lorenz96 stepper = new Lorenz96(variables, dt);
        Controls m = new Controls(stepper.controlLayout());
        m.setScalar("F", forcing);
        Fields x = new Fields(stepper.stateLayout());
        double[] uniform = new double[variables];
        Arrays.fill(uniform, forcing);
        x.setOwned(0, uniform);
        double omega = 2 * Math.PI * wavenumber / variables;
        double[] mode = new double[variables];
        for (int k = 0; k < variables; k++) {
            mode[k] = Math.cos(omega * k);
        }
        Fields dx = new Fields(stepper.stateLayout());
        dx.setOwned(0, mode);
        Fields next = new Fields(stepper.stateLayout());
        Controls noForcingChange = new Controls(stepper.controlLayout());
        int steps = 6;
        for (int n = 0; n < steps; n++) {
            stepper.tangent(n, x, dx, next, m, noForcingChange);
            dx.copyFrom(next);
        }
        // The linearisation at x = F is δf_k = F·(δx_{k+1} − δx_{k−2}) − δx_k: e^{iωk} has the eigenvalue
        // σ = F·(e^{iω} − e^{−2iω}) − 1, and RK4 multiplies it by R(z) = 1 + z + z²/2 + z³/6 + z⁴/24, z = dt·σ.
        Complex sigma = new Complex(Math.cos(omega), Math.sin(omega)).subtract(new Complex(Math.cos(2 * omega),
                -Math.sin(2 * omega))).multiply(forcing).subtract(1.0);
        Complex z = sigma.multiply(dt);
        Complex r = Complex.ONE.add(z).add(z.pow(2).divide(2)).add(z.pow(3).divide(6)).add(z.pow(4).divide(24));
        Complex growth = r.pow(steps);
        double[] actual = dx.owned(0);
        for (int k = 0; k < variables; k++) {
            double expected = growth.multiply(new Complex(Math.cos(omega * k), Math.sin(omega * k))).getReal();
            assertEquals(expected, actual[k], 1e-12 * growth.abs(), "variable " + k);
        }
    }

    @Test
    void withoutForcingTheEnergyDecaysAsExpMinusTwoT() {
        // dE/dt = Σ x_k·f_k with F = 0: the quadratic terms cancel around the circle, so E(t) = E(0)·e^{−2t}
        int variables = 36;
        double dt = 0.01;
        Lorenz96 stepper = new Lorenz96(variables, dt);
        Controls m = new Controls(stepper.controlLayout());
        Fields x = new Fields(stepper.stateLayout());
        double[] start = new double[variables];
        for (int k = 0; k < variables; k++) {
            start[k] = Math.sin(2 * Math.PI * k / variables) + 0.5 * Math.cos(6 * Math.PI * k / variables);
        }
        x.setOwned(0, start);
        double e0 = 0.5 * x.dot(x);
        Fields next = new Fields(stepper.stateLayout());
        int steps = 100;
        for (int n = 0; n < steps; n++) {
            stepper.forward(n, x, next, m);
            x.copyFrom(next);
        }
        assertEquals(Math.exp(-2 * steps * dt), 0.5 * x.dot(x) / e0, 1e-8, "RK4 error O(dt^4)");
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 37})
    void tangentConvergesAtSecondOrder(int variables) {
        Lorenz96Problem p = problem(variables);
        Controls m = p.initialControls();
        for (int step : new int[] {0, 7}) {
            TangentLinearResult r = TangentLinearTest.builder(p.stepper()).step(step).at(stateAt(p, m, step), m).build().run();
            assertTrue(r.passed(), "step " + step + ": " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 37})
    void adjointStepPassesTheDotProductTest(int variables) {
        Lorenz96Problem p = problem(variables);
        Controls m = p.initialControls();
        for (int step : new int[] {0, 11}) {
            DotProductResult r = DotProductTest.builder(p.stepper()).step(step).at(stateAt(p, m, step), m).seed(step + 3)
                    .build().run();
            assertTrue(r.passed(), "step " + step + ": " + r);
        }
    }

    @ParameterizedTest(name = "K={0}, control {1}")
    @CsvSource({"40,F", "40,x0", "37,F", "37,x0"})
    void taylorTestConvergesAtSecondOrder(int variables, String control) {
        Lorenz96Problem p = problem(variables);
        TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(T, 4))).at(p.initialControls())
                .direction(direction(p, control)).build().run();
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void taylorTestOfAFourDVarMisfitOfEveryOtherVariableEveryThreeSteps() {
        Lorenz96Problem p = Lorenz96Problem.builder().variables(40).steps(30).dt(0.01).observeEvery(3)
                .observationStride(2).build();
        Controls d = direction(p, "x0");
        d.setScalar("F", 0.5);
        TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(30, 5))).at(p.initialControls()).direction(d)
                .build().run();
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void theMisfitSumsTheObservedVariablesOfTheTruthRunOnly() {
        // Without spin-up the truth starts at x = F, x_0 + 0.01; with stride 2 only even variables count.
        Lorenz96Problem p = Lorenz96Problem.builder().variables(8).steps(1).observeEvery(1).observationStride(2)
                .spinUpSteps(0).build();
        Controls m = p.initialControls();
        GradientResult r = p.driver(StoreAllSchedule.of(1)).gradient(m);
        double[] mine = stateAt(p, m, 1).owned(0);
        double[] truth = stateAt(p, truthControls(p), 1).owned(0);
        double expected = 0;
        for (int k = 0; k < 8; k += 2) {
            expected += 0.5 * (mine[k] - truth[k]) * (mine[k] - truth[k]);
        }
        assertTrue(expected > 0.01, "the first guess differs from the truth");
        assertEquals(expected, r.value(), 1e-15 * expected);
    }

    /** The truth's controls: F and the spun-up state, which (with no spin-up) is x = F with x_0 + 0.01. */
    private static Controls truthControls(Lorenz96Problem p) {
        Controls t = p.initialControls();
        double[] start = new double[p.variables()];
        Arrays.fill(start, p.forcing());
        start[0] += 0.01;
        t.fields().setOwned(0, start);
        return t;
    }

    @Test
    void gradientIsTheSameUnderStoreAllAndBinomialCheckpointing() {
        Lorenz96Problem p = problem(40);
        Controls m = p.initialControls();
        GradientResult reference = p.driver(StoreAllSchedule.of(T)).gradient(m);
        for (int s : new int[] {1, 3, 8}) {
            Schedule schedule = BinomialSchedule.of(T, s);
            GradientResult r = p.driver(schedule).gradient(m);
            assertEquals(reference.value(), r.value(), 1e-12 * reference.value(), schedule.toString());
            assertEquals(reference.gradient().scalar("F"), r.gradient().scalar("F"),
                    1e-12 * Math.abs(reference.gradient().scalar("F")), schedule + " dJ/dF");
            assertArrayEquals(reference.gradient().fields().owned(0), r.gradient().fields().owned(0), schedule + " dJ/dx0");
        }
    }

    @Test
    void initialStateGradientIsTheX0Gradient() {
        Lorenz96Problem p = problem(40);
        GradientResult r = p.driver(BinomialSchedule.of(T, 3)).gradient(p.initialControls());
        assertArrayEquals(r.initialStateGradient().owned(0), r.gradient().fields().owned(0));
    }

    @Test
    void badSettingsNameTheParameterAndValue() {
        assertEquals("variables must be >= 4, was 3",
                assertThrows(IllegalArgumentException.class, () -> Lorenz96Problem.builder().variables(3)).getMessage());
        assertEquals("steps must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> Lorenz96Problem.builder().steps(0)).getMessage());
        assertEquals("dt must be finite and > 0, was NaN",
                assertThrows(IllegalArgumentException.class, () -> Lorenz96Problem.builder().dt(Double.NaN)).getMessage());
        assertEquals("forcing must be finite, was Infinity", assertThrows(IllegalArgumentException.class,
                () -> Lorenz96Problem.builder().forcing(Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("observationStride must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> Lorenz96Problem.builder().observationStride(0)).getMessage());
        assertEquals("observeEvery 50 exceeds the 10 steps: nothing would be observed", assertThrows(
                IllegalArgumentException.class, () -> Lorenz96Problem.builder().observeEvery(50).build()).getMessage());
        assertEquals("lorenz96 is cyclic: the process grid must be P x 1 and periodic in x only, was 1x1",
                assertThrows(IllegalArgumentException.class, () -> new Lorenz96(SerialCommunicator.instance(),
                        Decomposition2d.of(40, 1, ProcessGrid.of(1, 1, false, false)), 0.05, 10)).getMessage());
        assertEquals("lorenz96 needs a K x 1 grid (one row of variables), was 40x2",
                assertThrows(IllegalArgumentException.class, () -> new Lorenz96(SerialCommunicator.instance(),
                        Decomposition2d.of(40, 2, ProcessGrid.of(1, 1, true, false)), 0.05, 10)).getMessage());
        assertEquals("lorenz96 needs at least 2 variables per rank (its halo is 2 wide): K=5 over 3 ranks leaves 1 on some rank",
                assertThrows(IllegalArgumentException.class, () -> Lorenz96.checkSplit(5, 3)).getMessage());
        Lorenz96Problem p = problem(40);
        assertEquals("schedule has 21 steps, the problem 20",
                assertThrows(IllegalArgumentException.class, () -> p.driver(BinomialSchedule.of(T + 1, 3))).getMessage());
    }
}
