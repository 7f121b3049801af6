package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TimeStepper;
import org.adjoint4j.solvers.shallowwater.ShallowWaterCases.Boundaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Conservation, balance and wave properties that follow from the equations, not from the code. */
class ShallowWaterPhysicsTest {

    static Object[][] cases() {
        return ShallowWaterCases.integratorsAndBoundaries();
    }

    /** Runs {@code steps} steps from the problem's initial state; returns the states u_0 and u_T. */
    private static Fields[] run(ShallowWaterProblem p, Controls m, int steps) {
        return new Fields[] {ShallowWaterCases.stateAt(p, m, 0), ShallowWaterCases.stateAt(p, m, steps)};
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void totalMassIsConservedToRounding(ShallowWaterIntegrator integrator, Boundaries boundaries) {
        ShallowWaterProblem p = ShallowWaterCases.problem(40, 21, 200, integrator, boundaries);
        Fields[] u = run(p, p.initialControls(), 200);
        double before = sum(u[0].owned(0));
        double after = sum(u[1].owned(0));
        double moved = 0;
        for (int k = 0; k < u[0].owned(0).length; k++) {
            moved += Math.abs(u[1].owned(0)[k] - u[0].owned(0)[k]);
        }
        assertTrue(moved > 0.1 * before, "the water moves: " + moved);
        assertEquals(before, after, 1e-13 * moved, "sum of eta after 200 steps");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void stillWaterOverASeamountStaysExactlyAtRest(ShallowWaterIntegrator integrator, Boundaries boundaries) {
        ShallowWaterProblem p = ShallowWaterCases.builder(24, 13, 50, integrator, boundaries)
                .initialElevation(new double[24 * 13]).build();
        Controls m = p.initialControls();
        double[] depth = m.fields().owned(0);
        assertTrue(Arrays.stream(depth).min().getAsDouble() < 0.5, "the bottom is not flat");
        Fields last = ShallowWaterCases.stateAt(p, m, 50);
        for (int f = 0; f < last.layout().size(); f++) {
            for (double v : last.owned(f)) {
                assertEquals(0.0, v, "field " + last.spec(f).name());
            }
        }
    }

    /**
     * A standing wave η = A·cos(kx)·cos(ωt) in a periodic channel of depth 1 without rotation: its first
     * zero comes at a quarter period, with the frequency of the discrete gravity waves on the C grid,
     * ω = (2c/dx)·sin(k·dx/2), c = √(gD) (a 0.3 % correction of ck here).
     */
    @ParameterizedTest
    @EnumSource(ShallowWaterIntegrator.class)
    void aSmallGravityWaveTravelsAtTheSpeedRootGD(ShallowWaterIntegrator integrator) {
        int nx = 64;
        int ny = 3;
        double gravity = 2.0;
        double amplitude = 1e-6;
        double[] eta0 = new double[nx * ny];
        double[] depth = new double[nx * ny];
        double k = 2 * Math.PI / 2.0;
        double dx = 2.0 / nx;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                eta0[j * nx + i] = amplitude * Math.cos(k * (i + 0.5) * dx);
                depth[j * nx + i] = 1;
            }
        }
        ShallowWaterProblem p = ShallowWaterProblem.builder().cells(nx, ny).integrator(integrator).periodic(true, true)
                .gravity(gravity).coriolis(0, 0).bathymetry(depth).initialElevation(eta0).drag(new double[nx * ny])
                .courantNumber(0.2).steps(1000).build();
        double omega = 2 * Math.sqrt(gravity) / dx * Math.sin(k * dx / 2);
        TimeStepper stepper = p.stepper();
        Controls m = p.initialControls();
        stepper.prepare(m);
        Fields u = new Fields(stepper.stateLayout());
        Fields next = new Fields(stepper.stateLayout());
        p.initialState().evaluate(m, u);
        double previous = projection(u.owned(0), k, dx, nx);
        for (int n = 0; n < 1000; n++) {
            stepper.forward(n, u, next, m);
            Fields t = u;
            u = next;
            next = t;
            double a = projection(u.owned(0), k, dx, nx);
            if (a <= 0) {
                double zero = (n + previous / (previous - a)) * p.dt(); // linear interpolation in time
                double quarterPeriod = Math.PI / (2 * omega);
                assertEquals(quarterPeriod, zero, 2e-3 * quarterPeriod, "first zero of the standing wave");
                double continuum = Math.PI / (2 * k * Math.sqrt(gravity));
                assertTrue(Math.abs(zero - continuum) < 0.01 * continuum, "close to the continuum wave speed too");
                return;
            }
            previous = a;
        }
        throw new AssertionError("the standing wave never reached zero");
    }

    /** (2/N)·Σ η·cos(kx) over the first row: the amplitude of the cosine mode. */
    private static double projection(double[] eta, double k, double dx, int nx) {
        double s = 0;
        for (int i = 0; i < nx; i++) {
            s += eta[i] * Math.cos(k * (i + 0.5) * dx);
        }
        return 2 * s / nx;
    }

    /**
     * Uniform flow on a flat, periodic f-plane without drag: η stays 0 and w = u + iv obeys
     * dw/dt = −if·w, turning clockwise at the inertial frequency. SSP-RK3 multiplies w by
     * R(z) = 1 + z + z²/2 + z³/6, z = −if·dt, per step: that closed form, and the continuum solution
     * U·e<sup>−ift</sup> to the scheme's accuracy.
     */
    @Test
    void uniformFlowTurnsClockwiseAtTheInertialFrequency() {
        int nx = 6;
        int ny = 4;
        double f = 2.0;
        double speed = 0.1;
        double[] flat = new double[nx * ny];
        Arrays.fill(flat, 1.0);
        ShallowWaterProblem p = ShallowWaterProblem.builder().cells(nx, ny).periodic(true, true).coriolis(f, 0)
                .bathymetry(flat).initialElevation(new double[nx * ny]).drag(new double[nx * ny]).steps(1).build();
        TimeStepper stepper = p.stepper();
        Controls m = p.initialControls();
        stepper.prepare(m);
        Fields u = new Fields(stepper.stateLayout());
        Fields next = new Fields(stepper.stateLayout());
        double[] east = new double[nx * ny];
        Arrays.fill(east, speed);
        u.setOwned(1, east);
        int steps = (int) Math.round(Math.PI / 2 / f / p.dt());
        double theta = f * p.dt();
        double re = 1 - theta * theta / 2;
        double im = -theta + theta * theta * theta / 6;
        double wRe = speed;
        double wIm = 0;
        for (int n = 0; n < steps; n++) {
            stepper.forward(n, u, next, m);
            Fields t = u;
            u = next;
            next = t;
            double r = wRe * re - wIm * im;
            wIm = wRe * im + wIm * re;
            wRe = r;
        }
        double time = steps * p.dt();
        assertTrue(time > 0.6, "more than a quarter of an inertial period: " + time);
        for (int k = 0; k < nx * ny; k++) {
            assertEquals(0.0, u.owned(0)[k], "eta");
            assertEquals(wRe, u.owned(1)[k], 1e-15, "u");
            assertEquals(wIm, u.owned(2)[k], 1e-15, "v");
            assertEquals(speed * Math.cos(f * time), u.owned(1)[k], 1e-3 * speed, "u, continuum");
            assertEquals(-speed * Math.sin(f * time), u.owned(2)[k], 1e-3 * speed, "v, continuum");
        }
    }
}
