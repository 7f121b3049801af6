package org.adjoint4j.solvers.heat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
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
import org.adjoint4j.solvers.linear.NotConvergedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The θ-method heat2d on one rank: closed forms, stability beyond the explicit limit, tangent, adjoint, gradient. */
class Heat2dImplicitTest {

    private static final int T = 20;

    static Heat2dImplicitProblem problem(int cells, double theta) {
        return Heat2dImplicitProblem.builder().cells(cells).steps(T).theta(theta).build();
    }

    /** u_n from the problem's initial controls, by stepping without the driver. */
    static Fields stateAt(Heat2dImplicitProblem p, Controls m, int n) {
        Heat2dImplicit stepper = p.stepper();
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

    /** A direction in one control field, smooth plus seeded noise. */
    static Controls direction(Heat2dImplicitProblem p, String field) {
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

    @ParameterizedTest(name = "theta {0}")
    @ValueSource(doubles = {0.5, 1.0})
    void aDiscreteEigenmodeDecaysByTheThetaMethodFactor(double theta) {
        // With uniform κ, A is κ/h² times the 5-point Laplacian with u = 0 in the ghost cells, whose
        // eigenvectors are sin(πk(i+1)/(N+1))·sin(πl(j+1)/(N+1)) with eigenvalue
        // λ = −4κ/h²·(sin²(πk/(2(N+1))) + sin²(πl/(2(N+1)))); one step multiplies them by
        // g = (1 + (1−θ)·dt·λ) / (1 − θ·dt·λ).
        int n = 12;
        double kappa = 0.7;
        double[] uniform = new double[n * n];
        Arrays.fill(uniform, kappa);
        Heat2dImplicitProblem p = Heat2dImplicitProblem.builder().cells(n).steps(8).theta(theta).kappa(uniform).build();
        int k = 2;
        int l = 3;
        double[] mode = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                mode[j * n + i] = Math.sin(Math.PI * k * (i + 1) / (n + 1)) * Math.sin(Math.PI * l * (j + 1) / (n + 1));
            }
        }
        Controls m = p.initialControls();
        m.fields().setOwned(1, mode);
        double dt = p.stepper().dt();
        double lambda = -4 * kappa * n * n * (Math.pow(Math.sin(Math.PI * k / (2.0 * (n + 1))), 2)
                + Math.pow(Math.sin(Math.PI * l / (2.0 * (n + 1))), 2));
        double g = (1 + (1 - theta) * dt * lambda) / (1 - theta * dt * lambda);
        double[] u = stateAt(p, m, 8).owned(0);
        double expected = Math.pow(g, 8);
        for (int c = 0; c < mode.length; c++) {
            assertEquals(expected * mode[c], u[c], 1e-12, "cell " + c);
        }
    }

    @Test
    void crankNicolsonAtTenTimesTheExplicitLimitDecaysWhereExplicitEulerBlowsUp() {
        Heat2dImplicitProblem p = Heat2dImplicitProblem.builder().cells(16).steps(60).dtFactor(10).build();
        Controls m = p.initialControls();
        double dt = p.stepper().dt();
        assertEquals(10 * p.explicitLimit(), dt, 1e-18);
        // Crank–Nicolson: M⁻¹B is symmetric with eigenvalues in [−1, 1], so ‖u‖₂ never grows
        Fields u = stateAt(p, m, 0);
        Fields next = new Fields(u.layout());
        double norm = Math.sqrt(u.dot(u));
        for (int n = 0; n < 60; n++) {
            p.stepper().forward(n, u, next, m);
            double nextNorm = Math.sqrt(next.dot(next));
            assertTrue(nextNorm <= norm * (1 + 1e-12), "step " + n + ": ‖u‖ grew from " + norm + " to " + nextNorm);
            norm = nextNorm;
            u.copyFrom(next);
        }
        // explicit Euler with the same dt and κ (Heat2d's own stepper) is unstable
        Heat2d explicit = new Heat2d(SerialCommunicator.instance(),
                Decomposition2d.of(16, 16, ProcessGrid.of(1, 1, false, false)), dt, 60);
        explicit.prepare(m);
        Fields v = stateAt(p, m, 0);
        double start = Math.sqrt(v.dot(v));
        for (int n = 0; n < 60; n++) {
            explicit.forward(n, v, next, m);
            v.copyFrom(next);
        }
        assertTrue(Math.sqrt(v.dot(v)) > 1e6 * start, "explicit Euler at 10x its limit grows");
    }

    @Test
    void backwardEulerKeepsAPositiveStatePositive() {
        // M = I − dt·A is an M-matrix (positive diagonal, non-positive off-diagonal, diagonally dominant),
        // so M⁻¹ ≥ 0 entrywise and the Gaussian bump stays non-negative, up to the solver's tolerance
        Heat2dImplicitProblem p = Heat2dImplicitProblem.builder().cells(16).steps(20).theta(1).dtFactor(50).build();
        double[] u = stateAt(p, p.initialControls(), 20).owned(0);
        double max = Arrays.stream(u).max().orElseThrow();
        double min = Arrays.stream(u).min().orElseThrow();
        assertTrue(min >= -1e-12 * max, "min " + min + ", max " + max);
    }

    @ParameterizedTest(name = "theta {0}")
    @ValueSource(doubles = {0.5, 1.0})
    void tangentConvergesAtSecondOrder(double theta) {
        Heat2dImplicitProblem p = problem(12, theta);
        Controls m = p.initialControls();
        for (int step : new int[] {0, 4}) {
            TangentLinearResult r = TangentLinearTest.builder(p.stepper()).step(step).at(stateAt(p, m, step), m).build().run();
            assertTrue(r.passed(), "step " + step + ": " + r);
        }
    }

    @ParameterizedTest(name = "N={0}")
    @ValueSource(ints = {7, 16})
    void adjointStepPassesTheDotProductTest(int cells) {
        Heat2dImplicitProblem p = problem(cells, 0.5);
        Controls m = p.initialControls();
        for (int step : new int[] {0, 3}) {
            DotProductResult r = DotProductTest.builder(p.stepper()).step(step).at(stateAt(p, m, step), m).seed(step + 1)
                    .build().run();
            assertTrue(r.passed(), "step " + step + ": " + r);
        }
    }

    @ParameterizedTest(name = "N={0}, theta {1}, control {2}")
    @CsvSource({"8,0.5,kappa", "8,0.5,u0", "16,0.5,kappa", "16,0.5,u0", "16,1.0,kappa", "16,1.0,u0"})
    void taylorTestConvergesAtSecondOrder(int cells, double theta, String control) {
        Heat2dImplicitProblem p = problem(cells, theta);
        TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(T, 4))).at(p.initialControls())
                .direction(direction(p, control)).build().run();
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void theGradientIsBitIdenticalUnderEverySchedule() {
        // a step is a deterministic function of u_n and m: recomputed states equal the first ones bit for bit
        double[] obs = new double[12 * 12];
        Arrays.fill(obs, 0.01);
        Heat2dImplicitProblem p = Heat2dImplicitProblem.builder().cells(12).steps(T).observeAt(6, obs)
                .terminalObservations(obs).build();
        Controls m = p.initialControls();
        GradientResult reference = p.driver(StoreAllSchedule.of(T)).gradient(m);
        for (int s : new int[] {1, 3, 8}) {
            Schedule schedule = BinomialSchedule.of(T, s);
            GradientResult r = p.driver(schedule).gradient(m);
            assertEquals(reference.value(), r.value(), schedule.toString());
            assertArrayEquals(reference.gradient().fields().owned(0), r.gradient().fields().owned(0), schedule + " kappa");
            assertArrayEquals(reference.gradient().fields().owned(1), r.gradient().fields().owned(1), schedule + " u0");
        }
        assertArrayEquals(reference.initialStateGradient().owned(0), reference.gradient().fields().owned(1), "dJ/du0");
    }

    @Test
    void theSolverCountsOneForwardAndTwoAdjointSolvesPerStep() {
        Heat2dImplicitProblem p = problem(10, 0.5);
        p.driver(StoreAllSchedule.of(T)).gradient(p.initialControls());
        assertEquals(3L * T, p.stepper().solver().solves());
        assertTrue(p.stepper().solver().totalIterations() >= 3L * T, "iterations " + p.stepper().solver().totalIterations());
    }

    @Test
    void aSolveThatDoesNotConvergeNamesTheStep() {
        Heat2dImplicitProblem p = Heat2dImplicitProblem.builder().cells(10).steps(5).maxIterations(2).build();
        NotConvergedException e = assertThrows(NotConvergedException.class,
                () -> p.driver(StoreAllSchedule.of(5)).gradient(p.initialControls()));
        assertEquals(0, e.step());
        assertTrue(e.getMessage().startsWith("conjugate gradients did not converge in the forward solve of step 0:"),
                e.getMessage());
    }

    @Test
    void badSettingsNameTheParameterAndValue() {
        assertEquals("theta must be in [0.5, 1], was 0.4", assertThrows(IllegalArgumentException.class,
                () -> Heat2dImplicitProblem.builder().theta(0.4)).getMessage());
        assertEquals("dtFactor must be finite and > 0, was -1.0", assertThrows(IllegalArgumentException.class,
                () -> Heat2dImplicitProblem.builder().dtFactor(-1)).getMessage());
        assertEquals("tolerance must be in (0, 1), was 1.0", assertThrows(IllegalArgumentException.class,
                () -> Heat2dImplicitProblem.builder().tolerance(1)).getMessage());
        assertEquals("maxIterations must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> Heat2dImplicitProblem.builder().maxIterations(0)).getMessage());
        assertEquals("cells must be >= 2, was 1", assertThrows(IllegalArgumentException.class,
                () -> Heat2dImplicitProblem.builder().cells(1)).getMessage());
        Decomposition2d square = Decomposition2d.of(8, 8, ProcessGrid.of(1, 1, false, false));
        assertEquals("dt is required: call dt(...)", assertThrows(IllegalArgumentException.class,
                () -> Heat2dImplicit.builder(SerialCommunicator.instance(), square).build()).getMessage());
        assertEquals("heat2d-implicit needs a square grid, was 8x6", assertThrows(IllegalArgumentException.class,
                () -> Heat2dImplicit.builder(SerialCommunicator.instance(),
                        Decomposition2d.of(8, 6, ProcessGrid.of(1, 1, false, false))).dt(1e-3).build()).getMessage());
        Heat2dImplicitProblem p = problem(8, 0.5);
        Controls m = p.initialControls();
        double[] kappa = m.fields().owned(0);
        kappa[3 * 8 + 5] = Double.NaN;
        m.fields().setOwned(0, kappa);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.stepper().prepare(m));
        // κ(5, 3) enters the diagonal of (5, 3) and its four neighbours; (5, 2) comes first, x fastest
        assertEquals("kappa: the diagonal of M = I - theta dt A(kappa) is NaN at cell (5, 2), from kappa there and at its"
                + " four neighbours; kappa must be finite and non-negative", e.getMessage());
    }
}
