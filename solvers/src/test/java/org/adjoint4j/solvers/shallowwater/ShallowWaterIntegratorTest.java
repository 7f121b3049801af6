package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShallowWaterIntegratorTest {

    @Test
    void theRungeKuttaLimitIsHalfRootThree() {
        assertEquals(Math.sqrt(3) / 2, ShallowWaterIntegrator.RK3.courantLimit(0.1), 1e-15);
    }

    @Test
    void theUnfilteredLeapfrogLimitIsOneHalf() {
        assertEquals(0.5, ShallowWaterIntegrator.LEAPFROG.courantLimit(0), 1e-15);
    }

    /**
     * The filtered leapfrog scheme applied to dq/dt = iωq with ω·dt = 2C: bounded just below the limit,
     * growing without bound just above it.
     */
    @Test
    void theFilteredLeapfrogLimitSeparatesBoundedFromGrowingOscillations() {
        for (double nu : new double[] {0.05, 0.1, 0.2}) {
            double limit = ShallowWaterIntegrator.LEAPFROG.courantLimit(nu);
            assertTrue(largestModulus(2 * limit * 0.99, nu) < 10, "bounded below the limit, nu = " + nu);
            assertTrue(largestModulus(2 * limit * 1.01, nu) > 1e6, "growing above the limit, nu = " + nu);
        }
    }

    /** max |q_n| over up to 20000 filtered leapfrog steps of dq/dt = iωq from q_0 = 1 with an Euler start. */
    private static double largestModulus(double omegaDt, double nu) {
        double pr = 1; // q̄_{n−1}
        double pi = 0;
        double cr = 1; // q_n = q_0 + iω·dt·q_0
        double ci = omegaDt;
        double max = 1;
        for (int n = 0; n < 20000; n++) {
            double nr = pr - 2 * omegaDt * ci; // q_{n+1} = q̄_{n−1} + 2iω·dt·q_n
            double ni = pi + 2 * omegaDt * cr;
            pr = cr + nu * (pr - 2 * cr + nr);
            pi = ci + nu * (pi - 2 * ci + ni);
            cr = nr;
            ci = ni;
            max = Math.max(max, Math.hypot(cr, ci));
            if (max > 1e6) {
                return max; // before it overflows
            }
        }
        return max;
    }

    @Test
    void anAsselinCoefficientOutsideItsRangeIsRefused() {
        assertEquals("asselin must be in [0, 0.5), was 0.5", assertThrows(IllegalArgumentException.class,
                () -> ShallowWaterIntegrator.LEAPFROG.courantLimit(0.5)).getMessage());
        assertEquals("asselin must be in [0, 0.5), was -0.1", assertThrows(IllegalArgumentException.class,
                () -> ShallowWaterIntegrator.RK3.courantLimit(-0.1)).getMessage());
    }
}
