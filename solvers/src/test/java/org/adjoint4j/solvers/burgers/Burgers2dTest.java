package org.adjoint4j.solvers.burgers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.DotProductTest;
import org.adjoint4j.adjoint.verify.TangentLinearResult;
import org.adjoint4j.adjoint.verify.TangentLinearTest;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.SerialCommunicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** burgers2d on one rank: the adjoint is the tangent's transpose, the tangent is the step's derivative, the gradient passes the Taylor test. */
class Burgers2dTest {

    /** The state u_n of a run of {@code p} from its initial controls. */
    static Fields stateAt(BurgersProblem p, Controls m, int n) {
        Burgers2d stepper = p.stepper();
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
        return u.ownedCopy();
    }

    @ParameterizedTest(name = "{0}, {1}x{2} cells")
    @CsvSource({"FORWARD_EULER,7,5", "FORWARD_EULER,16,12", "SSP_RK2,7,5", "SSP_RK2,16,12", "SSP_RK3,7,5",
        "SSP_RK3,16,12"})
    void adjointStepIsTheTransposeOfTheTangentAtStepZeroAndLater(TimeScheme scheme, int nx, int ny) {
        BurgersProblem p = BurgersProblem.builder().cells(nx, ny).steps(10).scheme(scheme).build();
        Controls m = p.initialControls();
        for (int step : new int[] {0, 6}) {
            DotProductResult r = DotProductTest.builder(p.stepper()).step(step).at(stateAt(p, m, step), m).seed(step + 3)
                    .build().run();
            assertTrue(r.passed(), scheme + " step " + step + ": " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(TimeScheme.class)
    void tangentIsTheDerivativeOfTheStep(TimeScheme scheme) {
        BurgersProblem p = BurgersProblem.builder().cells(12, 9).steps(10).scheme(scheme).build();
        Controls m = p.initialControls();
        TangentLinearResult r = TangentLinearTest.builder(p.stepper()).step(4).at(stateAt(p, m, 4), m).build().run();
        assertTrue(r.passed(), scheme + ": " + r);
    }

    @ParameterizedTest(name = "{0}, {1}x{2} cells")
    @CsvSource({"u0,12,10", "v0,12,10", "forcing_u,12,10", "forcing_v,12,10", "nu,12,10",
        "u0,21,16", "v0,21,16", "forcing_u,21,16", "forcing_v,21,16", "nu,21,16"})
    void gradientPassesTheTaylorTestForEachControl(String control, int nx, int ny) {
        int steps = 30;
        BurgersProblem p = BurgersProblem.builder().cells(nx, ny).steps(steps).energyAt(11).build();
        Controls m = p.initialControls();
        Controls direction = BurgersDirections.only(p, control, 17);
        double h0 = BurgersDirections.firstStep(p.communicator(), m, direction);
        BurgersDirections.assertNoFaceSwitches(p, m, direction, h0);
        TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(steps, 4))).at(m).direction(direction)
                .firstStep(h0).build().run();
        assertTrue(r.passed(), control + ": " + r);
    }

    @Test
    void theInitialVelocityGradientIsTheInitialStateAdjoint() {
        BurgersProblem p = BurgersProblem.builder().cells(10, 8).steps(20).build();
        GradientResult r = p.driver(BinomialSchedule.of(20, 3)).gradient(p.initialControls());
        assertArrayEquals(r.initialStateGradient().owned(0), r.gradient().fields().owned(0), "dJ/du0");
        assertArrayEquals(r.initialStateGradient().owned(1), r.gradient().fields().owned(1), "dJ/dv0");
    }

    @Test
    void badSettingsNameTheParameterAndValue() {
        assertEquals("cells must be >= 2 in each direction, were cellsX=1, cellsY=8", assertThrows(
                IllegalArgumentException.class, () -> BurgersProblem.builder().cells(1, 8)).getMessage());
        assertEquals("cells must be >= 2 in each direction, were cellsX=8, cellsY=-3", assertThrows(
                IllegalArgumentException.class, () -> BurgersProblem.builder().cells(8, -3)).getMessage());
        assertEquals("steps must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> BurgersProblem.builder().steps(0)).getMessage());
        assertEquals("viscosity must be finite and >= 0, was NaN", assertThrows(IllegalArgumentException.class,
                () -> BurgersProblem.builder().viscosity(Double.NaN)).getMessage());
        assertEquals("viscosity must be finite and >= 0, was -0.1", assertThrows(IllegalArgumentException.class,
                () -> BurgersProblem.builder().viscosity(-0.1)).getMessage());
        assertEquals("cfl must be in (0, 1], was 1.5",
                assertThrows(IllegalArgumentException.class, () -> BurgersProblem.builder().cfl(1.5)).getMessage());
        assertEquals("lengths must be finite and > 0, were lengthX=Infinity, lengthY=1.0", assertThrows(
                IllegalArgumentException.class, () -> BurgersProblem.builder().lengths(Double.POSITIVE_INFINITY, 1))
                .getMessage());
        assertEquals("u0: expected 64 values (8x8), got 10", assertThrows(IllegalArgumentException.class,
                () -> BurgersProblem.builder().cells(8, 8).initialVelocity(new double[10], new double[64]).build())
                .getMessage());
        double[] nan = new double[64];
        nan[19] = Double.NaN;
        assertEquals("forcing_v: cell (3, 2) is NaN", assertThrows(IllegalArgumentException.class,
                () -> BurgersProblem.builder().cells(8, 8).forcing(new double[64], nan).build()).getMessage());
        assertEquals("energy region [2, 9) x [0, 4) leaves the 8x8 grid", assertThrows(IllegalArgumentException.class,
                () -> BurgersProblem.builder().cells(8, 8).energyRegion(2, 9, 0, 4).build()).getMessage());
        assertEquals("energy step 31 is beyond 30 steps", assertThrows(IllegalArgumentException.class,
                () -> BurgersProblem.builder().steps(30).energyAt(31).build()).getMessage());
        assertEquals("initial velocity: the time-step limit needs finite velocities and a moving flow or ν > 0, was"
                + " max|u0| = 0.0, max|v0| = 0.0, ν = 0.0", assertThrows(IllegalArgumentException.class,
                () -> BurgersProblem.builder().cells(4, 4).viscosity(0).initialVelocity(new double[16], new double[16])
                        .build()).getMessage());
        assertEquals("burgers2d is periodic: the process grid must be periodic in x and y, was 1x1 (periodic x)",
                assertThrows(IllegalArgumentException.class, () -> BurgersProblem.builder()
                        .processGrid(ProcessGrid.of(1, 1, true, false)).build()).getMessage());
        assertEquals("too few cells per rank: 4x4 cells over 5x1 ranks; every rank needs at least one cell in each"
                + " direction", assertThrows(IllegalArgumentException.class, () -> BurgersProblem.builder().cells(4, 4)
                .processGrid(ProcessGrid.of(5, 1, true, true)).build()).getMessage());
        Decomposition2d d = Decomposition2d.of(8, 8, ProcessGrid.of(1, 1, true, true));
        assertEquals("dt is required: call dt(...)", assertThrows(IllegalArgumentException.class,
                () -> Burgers2d.builder(SerialCommunicator.instance(), d).build()).getMessage());
        assertEquals("dt must be finite and > 0, was -1.0", assertThrows(IllegalArgumentException.class,
                () -> Burgers2d.builder(SerialCommunicator.instance(), d).dt(-1)).getMessage());
        BurgersProblem p = BurgersProblem.builder().cells(8, 8).steps(30).build();
        assertEquals("schedule has 31 steps, the problem 30", assertThrows(IllegalArgumentException.class,
                () -> p.driver(BinomialSchedule.of(31, 3))).getMessage());
    }
}
