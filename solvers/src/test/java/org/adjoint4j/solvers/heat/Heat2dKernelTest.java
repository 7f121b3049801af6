package org.adjoint4j.solvers.heat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.adjoint4j.solvers.VectorSupport;
import org.junit.jupiter.api.Test;

class Heat2dKernelTest {

    @Test
    void vectorAndScalarKernelsGiveBitIdenticalResults() {
        for (int n : new int[] {5, 16, 37}) { // rows shorter than, equal to and not a multiple of the vector length
            int s = n + 2;
            Random random = new Random(n);
            double[] x = new double[s * s];
            double[] kappa = new double[s * s];
            double[] lam = new double[s * s];
            for (int k = 0; k < x.length; k++) {
                x[k] = random.nextGaussian();
                kappa[k] = 1 + random.nextDouble();
                lam[k] = random.nextGaussian();
            }
            Heat2dKernel scalar = new ScalarHeat2dKernel();
            Heat2dKernel vector = new VectorHeat2dKernel();
            double[] outScalar = new double[x.length];
            double[] outVector = new double[x.length];
            scalar.apply(s, 0, n, 0, n, 0.37, x, kappa, outScalar);
            vector.apply(s, 0, n, 0, n, 0.37, x, kappa, outVector);
            assertArrayEquals(outScalar, outVector, "apply, n=" + n);
            double[] gScalar = lam.clone();
            double[] gVector = lam.clone();
            scalar.addFaceProducts(s, 0, n, 0, n, 0.37, x, lam, gScalar);
            vector.addFaceProducts(s, 0, n, 0, n, 0.37, x, lam, gVector);
            assertArrayEquals(gScalar, gVector, "face products, n=" + n);
            // a sub-rectangle touches exactly its cells
            double[] part = new double[x.length];
            vector.apply(s, 2, n - 1, 1, n - 2, 0.37, x, kappa, part);
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int k = (j + 1) * s + i + 1;
                    boolean inside = i >= 2 && i < n - 1 && j >= 1 && j < n - 2;
                    assertTrue(inside ? part[k] == outScalar[k] : part[k] == 0, "cell " + i + "," + j);
                }
            }
        }
    }

    @Test
    void theBuildRunsTestsWithTheSimdKernels() {
        assertTrue(VectorSupport.enabled(), "tests run with --add-modules jdk.incubator.vector");
        assertTrue(new Heat2d(8, 1e-3).vectorised());
    }
}
