package org.adjoint4j.solvers.heat;

import org.adjoint4j.solvers.VectorSupport;

/**
 * The two loops of heat2d over a rectangle of owned cells {@code [i0, i1) × [j0, j1)}, on flat arrays
 * with one ghost layer of row length {@code stride}: owned cell (i, j) is at
 * {@code (j + 1)·stride + i + 1}. Every implementation evaluates the same expressions in the same
 * order, so all give bit-identical results.
 *
 * <p>Each face's flux is computed once, for the cell on its west (south) side, and reused by the cell
 * on its east (north) side: fewer loads and operations per cell, which matters most when the fields
 * stream from memory. In IEEE arithmetic a + b = b + a, y − x = −(x − y) when x ≠ y, a·(−b) = −(a·b)
 * and a − b = a + (−b), so the west flux (κ<sub>c</sub> + κ<sub>W</sub>)(x<sub>W</sub> − x<sub>c</sub>)
 * of a cell is minus the east flux of its west neighbour, and subtracting that east flux adds the
 * west flux: the sums are those of the direct expressions bit for bit. For the face products both
 * factors change sign, so a cell's west product is its neighbour's east product.
 *
 * <p>The one exception is equal neighbours, x<sub>W</sub> = x<sub>c</sub>: x<sub>W</sub> − x<sub>c</sub>
 * is +0 and so is x<sub>c</sub> − x<sub>W</sub>, so the reused flux or product may be a zero of the
 * other sign. A zero of either sign added to a sum changes it only when the sum is a zero too, so the
 * four-face sum can differ only in the sign of a zero result, and x + half·sum then only where x is
 * −0. With κ face sums &gt; 0 (a diffusivity) not even that: at x<sub>c</sub> = −0 no direct flux is
 * −0, so no partial sum is −0 and a reused zero of either sign leaves it as it is. Outputs are
 * therefore bit-identical to the direct expressions for finite values except, with κ face sums ≤ 0, a
 * ±0 output where x<sub>c</sub> = −0, and in {@link #addFaceProducts} a ±0 result where g held −0
 * (sums of zeros only; the values compare equal).
 *
 * <p>The row of reused north fluxes lives in a buffer of the kernel instance, so an instance serves
 * one thread at a time (each stepper has its own).
 */
interface Heat2dKernel {

    /**
     * out = x + half·Σ<sub>faces</sub> (κ_c + κ_nb)(x_nb − x_c), summed east, west, north, south.
     *
     * @param x     read (owned and ghost cells)
     * @param kappa read (owned and ghost cells)
     * @param out   owned cells written
     */
    void apply(int stride, int i0, int i1, int j0, int j1, double half, double[] x, double[] kappa, double[] out);

    /**
     * g += half·Σ<sub>faces</sub> (u_nb − u_c)(λ_c − λ_nb), summed east, west, north, south.
     *
     * @param u   read
     * @param lam read
     * @param g   owned cells accumulated into
     */
    void addFaceProducts(int stride, int i0, int i1, int j0, int j1, double half, double[] u, double[] lam, double[] g);

    /**
     * {@link #apply}{@code (x = lam, kappa, out)} and {@link #addFaceProducts}{@code (u, lam, g)} row by
     * row, so that each row of λ is read from memory once rather than once per loop: the same
     * expressions, so the same bits as the two calls.
     *
     * @param lam   read
     * @param kappa read
     * @param out   owned cells written
     * @param u     read
     * @param g     owned cells accumulated into
     */
    void applyAndAddFaceProducts(int stride, int i0, int i1, int j0, int j1, double half, double[] lam, double[] kappa,
            double[] out, double[] u, double[] g);

    /** The SIMD kernel when the Vector API is available, the scalar one otherwise. */
    static Heat2dKernel best() {
        if (VectorSupport.enabled()) {
            try {
                return (Heat2dKernel) Class.forName("org.adjoint4j.solvers.heat.VectorHeat2dKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarHeat2dKernel();
            }
        }
        return new ScalarHeat2dKernel();
    }
}
