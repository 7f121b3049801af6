package org.adjoint4j.examples.fisher;

import java.util.List;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TangentLinearStepper;

/**
 * The Fisher–KPP equation ∂u/∂t = D·∂²u/∂x² + r·u(1 − u) on a periodic interval of n cells, explicit
 * Euler:
 * <pre>
 *   u'_i = u_i + dt·[D·(u_{i+1} − 2u_i + u_{i−1})/h² + r·u_i(1 − u_i)]
 * </pre>
 * State: field {@code u} (one ghost cell per side). Controls: replicated scalars {@code D} and
 * {@code r}, and the field {@code u0} (the initial condition). The user guide walks through this file.
 * The tangent-linear step is optional; it lets the dot-product test check the adjoint to rounding.
 */
public final class FisherKpp1d implements TangentLinearStepper {

    private final int n;
    private final double h;
    private final double dt;
    private final FieldSpec cells;
    private final FieldLayout state;
    private final ControlLayout controls;

    /**
     * A stepper on the unit interval split into {@code n} cells of width h = 1/n.
     *
     * @param n  the number of cells, at least 3
     * @param dt the time step; explicit Euler is stable for D·dt/h² ≤ ½ (and r·dt small)
     * @throws IllegalArgumentException if {@code n < 3}
     */
    public FisherKpp1d(int n, double dt) {
        if (n < 3) {
            throw new IllegalArgumentException("n must be >= 3, was " + n);
        }
        this.n = n;
        this.h = 1.0 / n;
        this.dt = dt;
        this.cells = new FieldSpec("u", n, 1, 1, 0);                       // 1-D: ny = 1, no ghost rows
        this.state = FieldLayout.of(cells);
        this.controls = new ControlLayout(FieldLayout.of(new FieldSpec("u0", n, 1, 0, 0)), List.of("D", "r"));
    }

    @Override
    public FieldLayout stateLayout() {
        return state;
    }

    @Override
    public ControlLayout controlLayout() {
        return controls;
    }

    @Override
    public void forward(int step, Fields in, Fields out, Controls m) {
        double[] u = in.get(0);
        double[] next = out.get(0);
        fillPeriodicGhosts(u);                                  // ghost cells of 'in' may be overwritten
        double d = m.scalar("D") / (h * h);
        double r = m.scalar("r");
        for (int k = 1; k <= n; k++) {                          // owned cells are 1..n (ghosts at 0 and n+1)
            double uc = u[k];
            next[k] = uc + dt * (d * (u[k + 1] - 2 * uc + u[k - 1]) + r * uc * (1 - uc));
        }
    }

    /**
     * The linearisation at u = in, applied to (δu, δD, δr):
     * δu'_i = δu_i + dt·[D·(δu_{i+1} − 2δu_i + δu_{i−1})/h² + r·(1 − 2u_i)·δu_i
     *                   + δD·(u_{i+1} − 2u_i + u_{i−1})/h² + δr·u_i(1 − u_i)].
     */
    @Override
    public void tangent(int step, Fields in, Fields tangentIn, Fields tangentOut, Controls m, Controls dm) {
        double[] u = in.get(0);
        double[] du = tangentIn.get(0);
        double[] next = tangentOut.get(0);
        fillPeriodicGhosts(u);
        fillPeriodicGhosts(du);
        double d = m.scalar("D") / (h * h);
        double r = m.scalar("r");
        double dd = dm.scalar("D") / (h * h);
        double dr = dm.scalar("r");
        for (int k = 1; k <= n; k++) {
            double uc = u[k];
            next[k] = du[k] + dt * (d * (du[k + 1] - 2 * du[k] + du[k - 1]) + r * (1 - 2 * uc) * du[k]
                    + dd * (u[k + 1] - 2 * uc + u[k - 1]) + dr * uc * (1 - uc));
        }
    }

    /**
     * The transpose of the linearisation at u = in:
     * λ_i = λ'_i + dt·[D·(λ'_{i+1} − 2λ'_i + λ'_{i−1})/h² + r·(1 − 2u_i)·λ'_i],
     * dJ/dD += Σ dt·(u_{i+1} − 2u_i + u_{i−1})/h²·λ'_i and dJ/dr += Σ dt·u_i(1 − u_i)·λ'_i.
     * The diffusion operator is symmetric, so its transpose needs the periodic ghosts of λ' as well.
     */
    @Override
    public void adjoint(int step, Fields in, Fields adjOut, Fields adjIn, Controls m, Controls gradient) {
        double[] u = in.get(0);
        double[] lam = adjOut.get(0);
        double[] result = adjIn.get(0);
        fillPeriodicGhosts(u);
        fillPeriodicGhosts(lam);                                // ghost cells of 'adjOut' may be overwritten
        double d = m.scalar("D") / (h * h);
        double r = m.scalar("r");
        double gradD = 0;
        double gradR = 0;
        for (int k = 1; k <= n; k++) {
            double uc = u[k];
            double lc = lam[k];
            result[k] = lc + dt * (d * (lam[k + 1] - 2 * lc + lam[k - 1]) + r * (1 - 2 * uc) * lc);
            gradD += dt * (u[k + 1] - 2 * uc + u[k - 1]) / (h * h) * lc;
            gradR += dt * uc * (1 - uc) * lc;
        }
        // This rank's share; the driver sums scalar gradients over ranks.
        gradient.scalars()[controls.scalarIndex("D")] += gradD;
        gradient.scalars()[controls.scalarIndex("r")] += gradR;
    }

    private void fillPeriodicGhosts(double[] a) {
        a[cells.index(-1, 0)] = a[cells.index(n - 1, 0)];
        a[cells.index(n, 0)] = a[cells.index(0, 0)];
    }
}
