package org.adjoint4j.solvers.heat;

import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TimeStepper;

/**
 * Explicit Euler step of ∂u/∂t = ∇·(κ∇u) on the unit square, N×N cell-centred cells of width
 * h = 1/N, u = 0 in the ghost cells:
 * <pre>
 *   u'_ij = u_ij + dt/h² · [κ_{i+½,j}(u_{i+1,j} − u_ij) − κ_{i−½,j}(u_ij − u_{i−1,j})
 *                          + κ_{i,j+½}(u_{i,j+1} − u_ij) − κ_{i,j−½}(u_ij − u_{i,j−1})]
 * </pre>
 * with face diffusivity the mean of the two adjacent cells, and the adjacent interior cell's κ on a
 * boundary face. State: field {@code u}. Controls: fields {@code kappa} (κ at cell centres) and
 * {@code u0} (the initial condition, used by {@link Heat2dProblem}).
 *
 * <p><b>Adjoint.</b> The step is u' = A(κ)u with A symmetric (the same face coefficient couples both
 * cells), so λ<sub>n</sub> = A λ<sub>n+1</sub> uses the forward stencil. The κ gradient gathers, for
 * each cell a and face f to neighbour b, ½·dt/h²·(u_b − u_a)(λ_a − λ_b), doubled on boundary faces
 * whose coefficient is κ_a alone; no cell writes another's gradient.
 *
 * <p>The loops run as SIMD code when the JDK's Vector API is available ({@link
 * org.adjoint4j.solvers.VectorSupport}), with bit-identical results. Not thread-safe.
 */
public final class Heat2d implements TimeStepper {

    private final int n;
    private final double dt;
    private final FieldLayout stateLayout;
    private final ControlLayout controlLayout;
    private final FieldSpec cells;
    private final Heat2dKernel kernel = Heat2dKernel.best();

    /**
     * @param n  cells per side, at least 2
     * @param dt time step; fixed (not a control)
     * @throws IllegalArgumentException naming the parameter if {@code n < 2} or dt is not finite and positive
     */
    public Heat2d(int n, double dt) {
        if (n < 2) {
            throw new IllegalArgumentException("cells per side must be >= 2, was " + n);
        }
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, was " + dt);
        }
        this.n = n;
        this.dt = dt;
        this.cells = FieldSpec.of("u", n, n, 1);
        this.stateLayout = FieldLayout.of(cells);
        this.controlLayout = ControlLayout.ofFields(FieldSpec.of("kappa", n, n, 1), FieldSpec.of("u0", n, n, 0));
    }

    /** Cells per side. */
    public int cellsPerSide() {
        return n;
    }

    /** The time step. */
    public double dt() {
        return dt;
    }

    @Override
    public FieldLayout stateLayout() {
        return stateLayout;
    }

    @Override
    public ControlLayout controlLayout() {
        return controlLayout;
    }

    /** Mirrors κ into its ghost cells, so that a boundary face's mean is the interior cell's κ. */
    @Override
    public void prepare(Controls controls) {
        double[] k = controls.field("kappa");
        for (int i = 0; i < n; i++) {
            k[cells.index(i, -1)] = k[cells.index(i, 0)];
            k[cells.index(i, n)] = k[cells.index(i, n - 1)];
            k[cells.index(-1, i)] = k[cells.index(0, i)];
            k[cells.index(n, i)] = k[cells.index(n - 1, i)];
        }
    }

    @Override
    public void forward(int step, Fields in, Fields out, Controls controls) {
        double[] u = in.get(0);
        zeroGhosts(u);
        apply(u, controls.field("kappa"), out.get(0));
    }

    @Override
    public void adjoint(int step, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient) {
        double[] u = in.get(0);
        double[] lam = adjOut.get(0);
        double[] kappa = controls.field("kappa");
        zeroGhosts(u);
        zeroGhosts(lam);
        apply(lam, kappa, adjIn.get(0));
        addKappaGradient(u, lam, gradient.field("kappa"));
    }

    /** out = A(κ)·x on owned cells; x's ghost cells hold the boundary values. */
    private void apply(double[] x, double[] kappa, double[] out) {
        kernel.apply(n, cells.stride(), 0.5 * dt * n * n, x, kappa, out);
    }

    /** g_κ += ∂(λ·u')/∂κ, gathered per cell; ghosts of u and λ are zero. */
    private void addKappaGradient(double[] u, double[] lam, double[] g) {
        final double half = 0.5 * dt * n * n;
        kernel.addFaceProducts(n, cells.stride(), half, u, lam, g);
        // A boundary face's coefficient is κ of its one interior cell: that cell takes the whole term.
        for (int i = 0; i < n; i++) {
            int south = cells.index(i, 0);
            int north = cells.index(i, n - 1);
            int west = cells.index(0, i);
            int east = cells.index(n - 1, i);
            g[south] -= half * u[south] * lam[south];
            g[north] -= half * u[north] * lam[north];
            g[west] -= half * u[west] * lam[west];
            g[east] -= half * u[east] * lam[east];
        }
    }

    private void zeroGhosts(double[] a) {
        for (int i = -1; i <= n; i++) {
            a[cells.index(i, -1)] = 0;
            a[cells.index(i, n)] = 0;
            a[cells.index(-1, i)] = 0;
            a[cells.index(n, i)] = 0;
        }
    }

    /** True if this stepper runs SIMD kernels. */
    public boolean vectorised() {
        return !(kernel instanceof ScalarHeat2dKernel);
    }

    @Override
    public String toString() {
        return "heat2d(N=" + n + ", dt=" + dt + ")";
    }
}
