package org.adjoint4j.examples.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeededNoiseTest {

    private static final int N = 400; // N x N cells: 160,000 samples

    @Test
    void gaussianSamplesHaveMeanZeroAndVarianceOne() {
        double sum = 0;
        double squares = 0;
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                double v = SeededNoise.gaussian(42, 3, i, j);
                sum += v;
                squares += v * v;
            }
        }
        double n = (double) N * N;
        // the standard error of the mean is 1/400 = 0.0025, of the variance sqrt(2/n) = 0.0035
        assertEquals(0, sum / n, 0.0125);
        assertEquals(1, squares / n - (sum / n) * (sum / n), 0.0175);
    }

    @Test
    void uniformSamplesFillMinusOneToOne() {
        double sum = 0;
        double squares = 0;
        double min = 1;
        double max = -1;
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                double v = SeededNoise.uniform(7, 2, i, j);
                assertTrue(v >= -1 && v < 1, "value " + v);
                sum += v;
                squares += v * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double n = (double) N * N;
        // U(-1, 1): mean 0, variance 1/3; standard errors 0.0014 and 0.0007
        assertEquals(0, sum / n, 0.007);
        assertEquals(1.0 / 3, squares / n, 0.0035);
        assertTrue(min < -0.999 && max > 0.999, "range [" + min + ", " + max + ")");
    }

    @Test
    void aValueDependsOnlyOnItsArguments() {
        assertEquals(SeededNoise.uniform(7, 2, 5, 9), SeededNoise.uniform(7, 2, 5, 9));
        assertEquals(SeededNoise.gaussian(7, 2, 5, 9), SeededNoise.gaussian(7, 2, 5, 9));
        assertNotEquals(SeededNoise.uniform(7, 2, 5, 9), SeededNoise.uniform(7, 3, 5, 9), "another stream");
        assertNotEquals(SeededNoise.uniform(7, 2, 5, 9), SeededNoise.uniform(8, 2, 5, 9), "another seed");
        assertNotEquals(SeededNoise.uniform(7, 2, 5, 9), SeededNoise.uniform(7, 2, 9, 5), "transposed cell");
    }
}
