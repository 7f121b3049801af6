package org.adjoint4j.solvers.burgers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.SerialCommunicator;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** burgers2d against conservation laws, exact solutions and a hand computation. */
class BurgersPhysicsTest {

    /** Runs {@code steps} steps of {@code p} at its initial controls and returns the final state (owned cells). */
    private static Fields run(BurgersProblem p, int steps) {
        return Burgers2dTest.stateAt(p, p.initialControls(), steps);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static double sumAbs(double[] values) {
        double s = 0;
        for (double v : values) {
            s += Math.abs(v);
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(TimeScheme.class)
    void withoutForcingTheSumsOfUAndVAreConservedForAnyViscosity(TimeScheme scheme) {
        int nx = 13;
        int ny = 9;
        for (double nu : new double[] {0, 0.003, 0.2}) {
            BurgersProblem p = BurgersProblem.builder().cells(nx, ny).viscosity(nu).scheme(scheme).steps(50)
                    .forcing(new double[nx * ny], new double[nx * ny]).build();
            Fields u0 = run(p, 0);
            Fields u50 = run(p, 50);
            for (int f = 0; f < 2; f++) {
                double before = sum(u0.owned(f));
                assertEquals(before, sum(u50.owned(f)), 1e-13 * sumAbs(u0.owned(f)), "field " + f + ", nu = " + nu);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TimeScheme.class)
    void eachStepAddsExactlyDtTimesTheTotalForce(TimeScheme scheme) {
        int nx = 11;
        int ny = 10;
        double[] fu = new double[nx * ny];
        double[] fv = new double[nx * ny];
        for (int k = 0; k < fu.length; k++) {
            fu[k] = 0.2 + 0.1 * Math.sin(k);
            fv[k] = -0.05 + 0.1 * Math.cos(3 * k);
        }
        BurgersProblem p = BurgersProblem.builder().cells(nx, ny).scheme(scheme).steps(40).forcing(fu, fv).build();
        double dt = p.stepper().dt();
        // each stage is a_k·u_n + b_k·(w + dt·(f − ∇·F + ν∇²w)) with a_k + b_k = 1: the fluxes and the
        // Laplacian sum to zero over a periodic domain, so every step adds dt·Σf
        Fields u0 = run(p, 0);
        Fields u40 = run(p, 40);
        double[][] force = {fu, fv};
        for (int f = 0; f < 2; f++) {
            double expected = sum(u0.owned(f)) + 40 * dt * sum(force[f]);
            assertEquals(expected, sum(u40.owned(f)), 1e-13 * sumAbs(u40.owned(f)), "field " + f);
        }
    }

    @ParameterizedTest
    @EnumSource(TimeScheme.class)
    void aConstantStateStaysExactlyConstant(TimeScheme scheme) {
        int nx = 6;
        int ny = 7;
        double[] u = new double[nx * ny];
        double[] v = new double[nx * ny];
        java.util.Arrays.fill(u, 0.7);
        java.util.Arrays.fill(v, -0.4);
        BurgersProblem p = BurgersProblem.builder().cells(nx, ny).scheme(scheme).viscosity(0.05).steps(25)
                .initialVelocity(u, v).forcing(new double[nx * ny], new double[nx * ny]).build();
        Fields end = run(p, 25);
        assertArrayEquals(u, end.owned(0));
        assertArrayEquals(v, end.owned(1));
    }

    /**
     * u = U + ε·sin(θ(j+½)), v = V > 0: along x nothing varies and v stays V, so the scheme reduces to
     * the linear upwind-diffusion scheme in y, E: û ↦ g·û for the mode, with
     * g = 1 − σ(1 − e<sup>−iθ</sup>) + μ(2cos θ − 2), σ = V·dt/Δy, μ = ν·dt/Δy². A step multiplies the
     * mode by the scheme's stability polynomial of g: g, ½ + ½g², ⅓ + ½g + ⅙g³.
     */
    @ParameterizedTest
    @EnumSource(TimeScheme.class)
    void aShearModeFollowsTheClosedFormOfTheLinearScheme(TimeScheme scheme) {
        int nx = 5;
        int ny = 24;
        double lengthY = 2.0;
        double mean = 1.3;
        double speed = 0.6;
        double epsilon = 0.2;
        double nu = 0.02;
        double theta = 2 * Math.PI * 3 / ny;
        double[] u = new double[nx * ny];
        double[] v = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                u[j * nx + i] = mean + epsilon * Math.sin(theta * (j + 0.5));
                v[j * nx + i] = speed;
            }
        }
        int steps = 30;
        BurgersProblem p = BurgersProblem.builder().cells(nx, ny).lengths(1.0, lengthY).scheme(scheme).viscosity(nu)
                .steps(steps).initialVelocity(u, v).forcing(new double[nx * ny], new double[nx * ny]).build();
        double dt = p.stepper().dt();
        double dy = lengthY / ny;
        Complex g = new Complex(1 - speed * dt / dy + nu * dt / (dy * dy) * (2 * Math.cos(theta) - 2), 0)
                .add(new Complex(Math.cos(theta), -Math.sin(theta)).multiply(speed * dt / dy));
        Complex amplification = switch (scheme) {
            case FORWARD_EULER -> g;
            case SSP_RK2 -> g.multiply(g).multiply(0.5).add(0.5);
            case SSP_RK3 -> g.multiply(g).multiply(g).divide(6).add(g.multiply(0.5)).add(1.0 / 3);
        };
        Complex growth = amplification.pow(steps);
        Fields end = run(p, steps);
        double[] uEnd = end.owned(0);
        for (int j = 0; j < ny; j++) {
            Complex mode = new Complex(Math.cos(theta * (j + 0.5)), Math.sin(theta * (j + 0.5)));
            double expected = mean + epsilon * growth.multiply(mode).getImaginary();
            for (int i = 0; i < nx; i++) {
                assertEquals(expected, uEnd[j * nx + i], 1e-13, "u at cell (" + i + ", " + j + ")");
            }
        }
        assertArrayEquals(v, end.owned(1), "v stays V");
    }

    /**
     * With v = 0 the shear mode u = 1 + ε·sin(ky) only diffuses: its amplitude follows the heat
     * equation's exp(−νk²t) but for the five-point Laplacian, whose symbol k²(1 − (kΔy)²/12 + …) makes
     * the amplitude high by the relative amount νk²t·(kΔy)²/12 (the third-order time error is far
     * smaller). Checked on two grids, so the error is seen to fall as Δy².
     */
    @Test
    void aShearModeAtRestDecaysAtTheViscousRate() {
        int nx = 4;
        double nu = 0.05;
        double epsilon = 0.01;
        double k = 2 * Math.PI;
        for (int ny : new int[] {32, 64}) {
            double[] u = new double[nx * ny];
            double[] v = new double[nx * ny];
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    u[j * nx + i] = 1 + epsilon * Math.sin(k * (j + 0.5) / ny);
                }
            }
            BurgersProblem.Builder builder = BurgersProblem.builder().cells(nx, ny).scheme(TimeScheme.SSP_RK3)
                    .viscosity(nu).initialVelocity(u, v).forcing(new double[nx * ny], new double[nx * ny]);
            int steps = (int) Math.round(0.7 / builder.steps(1).build().stepper().dt());
            BurgersProblem p = builder.steps(steps).build();
            double t = steps * p.stepper().dt();
            double[] uEnd = run(p, steps).owned(0);
            double amplitude = 0;
            for (int j = 0; j < ny; j++) {
                amplitude += 2.0 / ny * (uEnd[j * nx] - 1) * Math.sin(k * (j + 0.5) / ny);
            }
            double exact = epsilon * Math.exp(-nu * k * k * t);
            assertEquals(0.25, exact / epsilon, 0.01, "the run covers three quarters of the decay");
            double dy = 1.0 / ny;
            double predicted = nu * k * k * t * (k * dy) * (k * dy) / 12;
            assertEquals(predicted, (amplitude - exact) / exact, 0.05 * predicted, ny + " cells");
        }
    }

    /**
     * One forward-Euler step of a 3×2 grid (Δx = Δy = 1, dt = 0.1, ν = 0.05, f = (0.3, −0.2)) with
     * u = (1, 2, 4) along x and v = ½, worked out by hand: with positive velocities the flux is the
     * upwind one, ½u<sub>L</sub>² and ¼(u<sub>L</sub> + u<sub>R</sub>)·½, so
     * u' = (1 + 0.75 + 0.02 + 0.03, 2 − 0.15 + 0.005 + 0.03, 4 − 0.6 − 0.025 + 0.03) and
     * v' = (½ + 0.05 − 0.02, ½ − 0.075 − 0.02, ½ + 0.025 − 0.02). The mirror image u = (−4, −2, −1) with
     * f<sub>u</sub> = −0.3 takes the other branch of every flux and must give the mirror image; the
     * transposed grid (2×3, roles of u and v swapped) the transposed result.
     */
    @Test
    void oneStepOfATinyGridMatchesTheHandComputation() {
        double[] uPlus = {1.8, 1.885, 3.405};
        double[] vPlus = {0.53, 0.405, 0.505};
        assertStep(3, 2, new double[] {1, 2, 4}, 0.5, 0.3, -0.2, uPlus, vPlus, false);
        assertStep(3, 2, new double[] {-4, -2, -1}, 0.5, -0.3, -0.2, new double[] {-3.405, -1.885, -1.8},
                new double[] {0.505, 0.405, 0.53}, false);
        assertStep(2, 3, new double[] {1, 2, 4}, 0.5, 0.3, -0.2, uPlus, vPlus, true);
    }

    /**
     * One step on an nx×ny grid of unit cells whose profile {@code along} varies along the first axis
     * (x, or y when {@code transposed}, with u and v swapped), compared with {@code expected}.
     */
    private static void assertStep(int nx, int ny, double[] along, double across, double forceAlong, double forceAcross,
                                   double[] expectedAlong, double[] expectedAcross, boolean transposed) {
        Decomposition2d d = Decomposition2d.of(nx, ny, ProcessGrid.of(1, 1, true, true));
        Burgers2d stepper = Burgers2d.builder(SerialCommunicator.instance(), d).lengths(nx, ny).dt(0.1)
                .scheme(TimeScheme.FORWARD_EULER).build();
        Controls m = new Controls(stepper.controlLayout());
        m.setScalar(Burgers2d.NU, 0.05);
        double[] a = new double[nx * ny];
        double[] b = new double[nx * ny];
        double[] fa = new double[nx * ny];
        double[] fb = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                a[j * nx + i] = along[transposed ? j : i];
                b[j * nx + i] = across;
                fa[j * nx + i] = forceAlong;
                fb[j * nx + i] = forceAcross;
            }
        }
        Fields u = new Fields(stepper.stateLayout());
        u.setOwned(transposed ? 1 : 0, a);
        u.setOwned(transposed ? 0 : 1, b);
        m.fields().setOwned(transposed ? 3 : 2, fa);
        m.fields().setOwned(transposed ? 2 : 3, fb);
        stepper.prepare(m);
        Fields out = new Fields(stepper.stateLayout());
        stepper.forward(0, u, out, m);
        double[] resultAlong = out.owned(transposed ? 1 : 0);
        double[] resultAcross = out.owned(transposed ? 0 : 1);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int c = transposed ? j : i;
                assertEquals(expectedAlong[c], resultAlong[j * nx + i], 1e-14, "along, cell (" + i + ", " + j + ")");
                assertEquals(expectedAcross[c], resultAcross[j * nx + i], 1e-14, "across, cell (" + i + ", " + j + ")");
            }
        }
    }
}
