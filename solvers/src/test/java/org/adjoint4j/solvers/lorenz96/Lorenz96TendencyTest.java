package org.adjoint4j.solvers.lorenz96;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tendency, its tangent and its transpose on four variables, worked out by hand. */
class Lorenz96TendencyTest {

    /** x = (1, 2, 3, 4) on a circle, two ghosts each side filled cyclically: positions 2..5 are owned. */
    private static double[] circle() {
        return new double[] {3, 4, 1, 2, 3, 4, 1, 2};
    }

    @Test
    void ratesMatchTheHandComputation() {
        double[] out = new double[8];
        Lorenz96Tendency.rates(2, 6, circle(), 8.0, out);
        // f_k = (x_{k+1} − x_{k−2})·x_{k−1} − x_k + F
        // k=0: (2 − 3)·4 − 1 + 8 = 3;  k=1: (3 − 4)·1 − 2 + 8 = 5
        // k=2: (4 − 1)·2 − 3 + 8 = 11; k=3: (1 − 2)·3 − 4 + 8 = 1
        assertArrayEquals(new double[] {0, 0, 3, 5, 11, 1, 0, 0}, out);
    }

    @Test
    void tangentRatesMatchTheHandComputation() {
        double[] dy = {0, 0, 1, 0, 0, 0, 0, 0}; // δx_0 = 1, ghosts left at zero: no neighbour perturbed
        double[] out = new double[8];
        Lorenz96Tendency.tangentRates(2, 6, circle(), dy, 0.5, out);
        // ∂f_0/∂x_0 = −1; ∂f_1/∂x_0 = x_2 − x_{−1} = 3 − 4 = −1; ∂f_2/∂x_0 = −x_1 = −2; plus δF = 0.5
        // everywhere (f_3 reads x_0 only as x_4, a ghost, which is zero here)
        assertArrayEquals(new double[] {0, 0, -0.5, -0.5, -1.5, 0.5, 0, 0}, out);
    }

    @Test
    void transposeScattersIntoTheFourVariablesARateReads() {
        double[] mu = {0, 0, 0, 0, 2, 0, 0, 0}; // a_2 = 2 only
        double[] out = new double[8];
        double forcing = Lorenz96Tendency.addTransposeRates(2, 6, circle(), mu, out);
        // f_2 = (x_3 − x_0)·x_1 − x_2 + F: ∂/∂x_3 = x_1 = 2, ∂/∂x_0 = −2, ∂/∂x_1 = x_3 − x_0 = 3, ∂/∂x_2 = −1
        assertArrayEquals(new double[] {0, 0, -4, 6, -2, 4, 0, 0}, out);
        assertEquals(2.0, forcing);
    }
}
