package org.adjoint4j.solvers.burgers;

/**
 * The loops of {@link Burgers2d} over a rectangle of owned cells {@code [i0, i1) × [j0, j1)}: one
 * Runge–Kutta stage, its tangent and its transpose. State arrays (u, v and their tangents and adjoints)
 * have one ghost layer and row length {@code stride = nx + 2}, owned cell (i, j) at
 * {@code (j + 1)·stride + i + 1}; forcing arrays have no ghosts, cell (i, j) at {@code j·nx + i}. Pairs
 * are {@code {u-array, v-array}}.
 *
 * <p><b>Face flux.</b> At a face with left and right states (a, b), a the velocity normal to the face
 * and b the tangential one, the normal and tangential momentum fluxes are
 * <pre>
 *   F_n = ¼(a_L² + a_R²) − ½|ā|(a_R − a_L)
 *   F_t = ½(a_L b_L + a_R b_R) − ½|ā|(b_R − b_L),       ā = ½(a_L + a_R)
 * </pre>
 * the central flux plus a scalar dissipation with the face speed |ā| (for the Burgers component F_n
 * this is exactly the upwind flux ½a<sub>upwind</sub>² whenever ā ≠ 0 and a_L, a_R have the sign of ā).
 * On an x face a = u, b = v; on a y face a = v, b = u. Each cell evaluates its four faces, and the two
 * cells of a face evaluate it from the same operands in the same order, so the results do not depend on
 * how the grid is split. The only non-differentiable point is ā = 0, where |ā| has a kink; the
 * derivatives use sign(ā) = +1 there (the branch ā ≥ 0).
 *
 * <p>Not thread-safe: the viscosity coefficients are set by {@link #viscosity}.
 */
final class BurgersKernel {

    private final int nx;
    private final int stride;
    private final double dt;
    private final double rx;
    private final double ry;
    private final double cx;
    private final double cy;
    private double nux;
    private double nuy;

    /**
     * @param nx owned cells per row
     * @param dt time step
     * @param dx cell width in x
     * @param dy cell width in y
     */
    BurgersKernel(int nx, double dt, double dx, double dy) {
        this.nx = nx;
        this.stride = nx + 2;
        this.dt = dt;
        this.rx = dt / dx;
        this.ry = dt / dy;
        this.cx = dt / (dx * dx);
        this.cy = dt / (dy * dy);
    }

    /** Sets the viscosity ν used by the next stages. */
    void viscosity(double nu) {
        this.nux = cx * nu;
        this.nuy = cy * nu;
    }

    /**
     * out = a·un + b·E(w), E(w) = w + dt·(f − ∇·F(w) + ν∇²w).
     *
     * @param un    read, owned cells
     * @param w     read, owned and edge ghost cells
     * @param force read
     * @param out   owned cells written
     */
    void stage(int i0, int i1, int j0, int j1, double a, double b, double[][] un, double[][] w, double[][] force,
               double[][] out) {
        final int s = stride;
        final double[] pu = un[0];
        final double[] pv = un[1];
        final double[] wu = w[0];
        final double[] wv = w[1];
        final double[] fu = force[0];
        final double[] fv = force[1];
        final double[] ou = out[0];
        final double[] ov = out[1];
        for (int j = j0; j < j1; j++) {
            int k = (j + 1) * s + 1 + i0;
            int m = j * nx + i0;
            for (int i = i0; i < i1; i++, k++, m++) {
                final double uc = wu[k];
                final double uw = wu[k - 1];
                final double ue = wu[k + 1];
                final double us = wu[k - s];
                final double un2 = wu[k + s];
                final double vc = wv[k];
                final double vw = wv[k - 1];
                final double ve = wv[k + 1];
                final double vs = wv[k - s];
                final double vn = wv[k + s];
                final double eu = uc + dt * fu[m]
                        - rx * (normalFlux(uc, ue) - normalFlux(uw, uc))
                        - ry * (tangentialFlux(vc, vn, uc, un2) - tangentialFlux(vs, vc, us, uc))
                        + nux * (ue - 2 * uc + uw) + nuy * (un2 - 2 * uc + us);
                final double ev = vc + dt * fv[m]
                        - rx * (tangentialFlux(uc, ue, vc, ve) - tangentialFlux(uw, uc, vw, vc))
                        - ry * (normalFlux(vc, vn) - normalFlux(vs, vc))
                        + nux * (ve - 2 * vc + vw) + nuy * (vn - 2 * vc + vs);
                ou[k] = a * pu[k] + b * eu;
                ov[k] = a * pv[k] + b * ev;
            }
        }
    }

    /**
     * The tangent of {@link #stage}: dout = a·dun + b·E'(w)[dw, dν, df], with the upwind branches
     * taken at w.
     *
     * @param dnu    the viscosity direction dν
     * @param w      read, owned and edge ghost cells
     * @param dw     read, owned and edge ghost cells
     * @param dun    read, owned cells
     * @param dforce read
     * @param dout   owned cells written
     */
    void tangentStage(int i0, int i1, int j0, int j1, double a, double b, double dnu, double[][] w, double[][] dw,
                      double[][] dun, double[][] dforce, double[][] dout) {
        final int s = stride;
        final double dnux = cx * dnu;
        final double dnuy = cy * dnu;
        final double[] wu = w[0];
        final double[] wv = w[1];
        final double[] du = dw[0];
        final double[] dv = dw[1];
        final double[] pu = dun[0];
        final double[] pv = dun[1];
        final double[] fu = dforce[0];
        final double[] fv = dforce[1];
        final double[] ou = dout[0];
        final double[] ov = dout[1];
        for (int j = j0; j < j1; j++) {
            int k = (j + 1) * s + 1 + i0;
            int m = j * nx + i0;
            for (int i = i0; i < i1; i++, k++, m++) {
                final double uc = wu[k];
                final double uw = wu[k - 1];
                final double ue = wu[k + 1];
                final double us = wu[k - s];
                final double un2 = wu[k + s];
                final double vc = wv[k];
                final double vw = wv[k - 1];
                final double ve = wv[k + 1];
                final double vs = wv[k - s];
                final double vn = wv[k + s];
                final double duc = du[k];
                final double duw = du[k - 1];
                final double due = du[k + 1];
                final double dus = du[k - s];
                final double dun2 = du[k + s];
                final double dvc = dv[k];
                final double dvw = dv[k - 1];
                final double dve = dv[k + 1];
                final double dvs = dv[k - s];
                final double dvn = dv[k + s];
                final double eu = duc + dt * fu[m]
                        - rx * (normalFluxTangent(uc, ue, duc, due) - normalFluxTangent(uw, uc, duw, duc))
                        - ry * (tangentialFluxTangent(vc, vn, uc, un2, dvc, dvn, duc, dun2)
                                - tangentialFluxTangent(vs, vc, us, uc, dvs, dvc, dus, duc))
                        + nux * (due - 2 * duc + duw) + nuy * (dun2 - 2 * duc + dus)
                        + dnux * (ue - 2 * uc + uw) + dnuy * (un2 - 2 * uc + us);
                final double ev = dvc + dt * fv[m]
                        - rx * (tangentialFluxTangent(uc, ue, vc, ve, duc, due, dvc, dve)
                                - tangentialFluxTangent(uw, uc, vw, vc, duw, duc, dvw, dvc))
                        - ry * (normalFluxTangent(vc, vn, dvc, dvn) - normalFluxTangent(vs, vc, dvs, dvc))
                        + nux * (dve - 2 * dvc + dvw) + nuy * (dvn - 2 * dvc + dvs)
                        + dnux * (ve - 2 * vc + vw) + dnuy * (vn - 2 * vc + vs);
                ou[k] = a * pu[k] + b * eu;
                ov[k] = a * pv[k] + b * ev;
            }
        }
    }

    /**
     * The transpose of {@link #stage} and {@link #tangentStage}, in gather form: each cell collects the
     * transposed contributions of its four faces, so that no ghost adjoint arises. For the adjoint
     * λ<sub>k</sub> of the stage's output: out = b·E'(w)<sup>T</sup>λ<sub>k</sub>, acc += a·λ<sub>k</sub>
     * (the u<sub>n</sub> part), gforce += b·dt·λ<sub>k</sub>.
     *
     * @param w      read, owned and edge ghost cells
     * @param lam    λ<sub>k</sub>: read, owned and edge ghost cells
     * @param out    owned cells written
     * @param acc    owned cells accumulated into
     * @param gforce accumulated into
     * @return this rectangle's b·Σ λ<sub>k</sub>·dt∇²w, the derivative with respect to ν
     */
    double adjointStage(int i0, int i1, int j0, int j1, double a, double b, double[][] w, double[][] lam,
                        double[][] out, double[][] acc, double[][] gforce) {
        final int s = stride;
        final double bdt = b * dt;
        final double[] wu = w[0];
        final double[] wv = w[1];
        final double[] lu = lam[0];
        final double[] lv = lam[1];
        final double[] ou = out[0];
        final double[] ov = out[1];
        final double[] au = acc[0];
        final double[] av = acc[1];
        final double[] gu = gforce[0];
        final double[] gv = gforce[1];
        double nuSum = 0;
        for (int j = j0; j < j1; j++) {
            int k = (j + 1) * s + 1 + i0;
            int m = j * nx + i0;
            for (int i = i0; i < i1; i++, k++, m++) {
                final double uc = wu[k];
                final double uw = wu[k - 1];
                final double ue = wu[k + 1];
                final double us = wu[k - s];
                final double un2 = wu[k + s];
                final double vc = wv[k];
                final double vw = wv[k - 1];
                final double ve = wv[k + 1];
                final double vs = wv[k - s];
                final double vn = wv[k + s];
                final double luc = lu[k];
                final double luw = lu[k - 1];
                final double lue = lu[k + 1];
                final double lus = lu[k - s];
                final double lun = lu[k + s];
                final double lvc = lv[k];
                final double lvw = lv[k - 1];
                final double lve = lv[k + 1];
                final double lvs = lv[k - s];
                final double lvn = lv[k + s];
                // adjoints of the face fluxes: E(left) has −r·F, E(right) +r·F
                final double eastNormal = rx * (lue - luc);
                final double eastTangential = rx * (lve - lvc);
                final double westNormal = rx * (luc - luw);
                final double westTangential = rx * (lvc - lvw);
                final double northNormal = ry * (lvn - lvc);
                final double northTangential = ry * (lun - luc);
                final double southNormal = ry * (lvc - lvs);
                final double southTangential = ry * (luc - lus);
                final double ru = luc
                        + leftNormal(uc, ue, vc, ve, eastNormal, eastTangential)
                        + rightNormal(uw, uc, vw, vc, westNormal, westTangential)
                        + leftTangential(vc, vn, northTangential)
                        + rightTangential(vs, vc, southTangential)
                        + nux * (lue - 2 * luc + luw) + nuy * (lun - 2 * luc + lus);
                final double rv = lvc
                        + leftTangential(uc, ue, eastTangential)
                        + rightTangential(uw, uc, westTangential)
                        + leftNormal(vc, vn, uc, un2, northNormal, northTangential)
                        + rightNormal(vs, vc, us, uc, southNormal, southTangential)
                        + nux * (lve - 2 * lvc + lvw) + nuy * (lvn - 2 * lvc + lvs);
                ou[k] = b * ru;
                ov[k] = b * rv;
                au[k] += a * luc;
                av[k] += a * lvc;
                gu[m] += bdt * luc;
                gv[m] += bdt * lvc;
                nuSum += luc * (cx * (ue - 2 * uc + uw) + cy * (un2 - 2 * uc + us))
                        + lvc * (cx * (ve - 2 * vc + vw) + cy * (vn - 2 * vc + vs));
            }
        }
        return b * nuSum;
    }

    // ---- one face: normal velocity a, tangential velocity b, left L and right R ----------------------

    /** F_n = ¼(a_L² + a_R²) − ½|ā|(a_R − a_L). */
    static double normalFlux(double aL, double aR) {
        final double speed = Math.abs(0.5 * (aL + aR));
        return 0.25 * (aL * aL + aR * aR) - 0.5 * speed * (aR - aL);
    }

    /** F_t = ½(a_L b_L + a_R b_R) − ½|ā|(b_R − b_L). */
    static double tangentialFlux(double aL, double aR, double bL, double bR) {
        final double speed = Math.abs(0.5 * (aL + aR));
        return 0.5 * (aL * bL + aR * bR) - 0.5 * speed * (bR - bL);
    }

    /** +1 for ā ≥ 0, −1 otherwise: the derivative of |ā| on the branch taken. */
    private static double sign(double aL, double aR) {
        return 0.5 * (aL + aR) >= 0 ? 1.0 : -1.0;
    }

    static double normalFluxTangent(double aL, double aR, double daL, double daR) {
        final double sg = sign(aL, aR);
        final double speed = sg * 0.5 * (aL + aR);
        return 0.5 * (aL * daL + aR * daR) - 0.25 * sg * (daL + daR) * (aR - aL) - 0.5 * speed * (daR - daL);
    }

    static double tangentialFluxTangent(double aL, double aR, double bL, double bR, double daL, double daR, double dbL,
                                        double dbR) {
        final double sg = sign(aL, aR);
        final double speed = sg * 0.5 * (aL + aR);
        return 0.5 * (daL * bL + aL * dbL + daR * bR + aR * dbR) - 0.25 * sg * (daL + daR) * (bR - bL)
                - 0.5 * speed * (dbR - dbL);
    }

    /** n̄·∂F_n/∂a_L + t̄·∂F_t/∂a_L for the face adjoints n̄, t̄. */
    private static double leftNormal(double aL, double aR, double bL, double bR, double normal, double tangential) {
        final double sg = sign(aL, aR);
        final double speed = sg * 0.5 * (aL + aR);
        return normal * (0.5 * aL + 0.5 * speed - 0.25 * sg * (aR - aL)) + tangential * (0.5 * bL - 0.25 * sg * (bR - bL));
    }

    /** n̄·∂F_n/∂a_R + t̄·∂F_t/∂a_R. */
    private static double rightNormal(double aL, double aR, double bL, double bR, double normal, double tangential) {
        final double sg = sign(aL, aR);
        final double speed = sg * 0.5 * (aL + aR);
        return normal * (0.5 * aR - 0.5 * speed - 0.25 * sg * (aR - aL)) + tangential * (0.5 * bR - 0.25 * sg * (bR - bL));
    }

    /** t̄·∂F_t/∂b_L. */
    private static double leftTangential(double aL, double aR, double tangential) {
        return tangential * (0.5 * aL + 0.5 * Math.abs(0.5 * (aL + aR)));
    }

    /** t̄·∂F_t/∂b_R. */
    private static double rightTangential(double aL, double aR, double tangential) {
        return tangential * (0.5 * aR - 0.5 * Math.abs(0.5 * (aL + aR)));
    }
}
