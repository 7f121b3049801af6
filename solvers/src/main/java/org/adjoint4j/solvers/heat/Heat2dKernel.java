package org.adjoint4j.solvers.heat;

import org.adjoint4j.solvers.VectorSupport;

/**
 * The two loops of heat2d over a rectangle of owned cells {@code [i0, i1) × [j0, j1)}, on flat arrays
 * with one ghost layer of row length {@code stride}: owned cell (i, j) is at
 * {@code (j + 1)·stride + i + 1}. Every implementation evaluates the same expressions in the same
 * order, so all give bit-identical results.
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
