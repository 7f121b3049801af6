package org.adjoint4j.solvers.heat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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

    /**
     * Both kernels reuse each face's flux for the cell on its other side; the results must be those of
     * the direct expressions bit for bit, on any rectangle (rows shorter or longer than, and not a
     * multiple of, the vector length; i0 > 0; one row; one column), also when neighbours are equal
     * (zero differences, where reusing −(a − b) for b − a gives a zero of the other sign) and with
     * signed zeros in the fields. The one exception, documented in {@link Heat2dKernel}: with κ face
     * sums ≤ 0 (round 3) an output cell whose input is −0 may come out +0 instead of −0 (or the other
     * way round), and likewise a gradient cell holding −0; the values still compare equal.
     */
    @Test
    void reusedFluxesGiveTheDirectExpressionsBitForBit() {
        int n = 29;
        int s = n + 2;
        Random random = new Random(7);
        double[] values = {0.0, -0.0, 1.5, -1.5, 0.25};
        double[] x = new double[s * s];
        double[] kappa = new double[s * s];
        double[] lam = new double[s * s];
        double[] g0 = new double[s * s];
        for (int round = 0; round < 4; round++) {
            for (int k = 0; k < x.length; k++) {
                // round 0: random values; later rounds: few distinct values, so many equal neighbours
                x[k] = round == 0 ? random.nextGaussian() : values[random.nextInt(values.length)];
                lam[k] = round == 0 ? random.nextGaussian() : values[random.nextInt(values.length)];
                kappa[k] = round < 3 ? 1 + random.nextInt(3) * 0.5 : random.nextGaussian();
                g0[k] = round == 0 ? random.nextGaussian() : round < 3 ? values[2 * random.nextInt(2)]
                        : values[random.nextInt(values.length)];
            }
            int[][] rectangles = {{0, n, 0, n}, {3, n - 2, 2, n - 1}, {1, 21, 5, 6}, {4, 5, 0, n}, {0, 3, 1, 4},
                {2, 19, 0, 2}, {0, 1, 0, 1}};
            for (Heat2dKernel kernel : new Heat2dKernel[] {new ScalarHeat2dKernel(), new VectorHeat2dKernel()}) {
                for (int[] r : rectangles) {
                    String where = kernel.getClass().getSimpleName() + " round " + round + " rectangle "
                            + Arrays.toString(r);
                    double[] expected = new double[x.length];
                    double[] actual = new double[x.length];
                    directApply(s, r[0], r[1], r[2], r[3], 0.37, x, kappa, expected);
                    kernel.apply(s, r[0], r[1], r[2], r[3], 0.37, x, kappa, actual);
                    assertSame(expected, actual, round < 3 ? null : x, "apply, " + where);
                    double[] gExpected = g0.clone();
                    double[] gActual = g0.clone();
                    directFaceProducts(s, r[0], r[1], r[2], r[3], 0.37, x, lam, gExpected);
                    kernel.addFaceProducts(s, r[0], r[1], r[2], r[3], 0.37, x, lam, gActual);
                    assertSame(gExpected, gActual, round < 3 ? null : g0, "face products, " + where);
                    double[] fusedOut = new double[x.length];
                    double[] fusedG = g0.clone();
                    kernel.applyAndAddFaceProducts(s, r[0], r[1], r[2], r[3], 0.37, lam, kappa, fusedOut, x, fusedG);
                    double[] separateOut = new double[x.length];
                    double[] separateG = g0.clone();
                    kernel.apply(s, r[0], r[1], r[2], r[3], 0.37, lam, kappa, separateOut);
                    kernel.addFaceProducts(s, r[0], r[1], r[2], r[3], 0.37, x, lam, separateG);
                    assertArrayEquals(separateOut, fusedOut, "fused apply, " + where);
                    assertArrayEquals(separateG, fusedG, "fused face products, " + where);
                }
            }
        }
    }

    /** Bit-identical arrays, except that the sign of a zero may differ where {@code minusZero} holds −0. */
    private static void assertSame(double[] expected, double[] actual, double[] minusZero, String where) {
        if (minusZero == null) {
            assertArrayEquals(expected, actual, where);
            return;
        }
        for (int k = 0; k < expected.length; k++) {
            boolean exempt = Double.doubleToRawLongBits(minusZero[k]) == Long.MIN_VALUE && expected[k] == 0;
            assertTrue(exempt ? actual[k] == 0 : Double.compare(expected[k], actual[k]) == 0, where + " cell " + k);
        }
    }

    /** The expressions of the {@link Heat2dKernel} contract, each flux computed at each cell. */
    private static void directApply(int s, int i0, int i1, int j0, int j1, double half, double[] x, double[] kappa,
            double[] out) {
        for (int j = j0; j < j1; j++) {
            for (int k = (j + 1) * s + 1 + i0; k < (j + 1) * s + 1 + i1; k++) {
                final double kc = kappa[k];
                final double xc = x[k];
                out[k] = xc + half * ((((kc + kappa[k + 1]) * (x[k + 1] - xc)
                        + (kc + kappa[k - 1]) * (x[k - 1] - xc))
                        + (kc + kappa[k + s]) * (x[k + s] - xc))
                        + (kc + kappa[k - s]) * (x[k - s] - xc));
            }
        }
    }

    private static void directFaceProducts(int s, int i0, int i1, int j0, int j1, double half, double[] u,
            double[] lam, double[] g) {
        for (int j = j0; j < j1; j++) {
            for (int k = (j + 1) * s + 1 + i0; k < (j + 1) * s + 1 + i1; k++) {
                final double uc = u[k];
                final double lc = lam[k];
                g[k] += half * ((((u[k + 1] - uc) * (lc - lam[k + 1])
                        + (u[k - 1] - uc) * (lc - lam[k - 1]))
                        + (u[k + s] - uc) * (lc - lam[k + s]))
                        + (u[k - s] - uc) * (lc - lam[k - s]));
            }
        }
    }

    @Test
    void theBuildRunsTestsWithTheSimdKernels() {
        assertTrue(VectorSupport.enabled(), "tests run with --add-modules jdk.incubator.vector");
        assertTrue(new Heat2d(8, 1e-3).vectorised());
    }
}
