package org.adjoint4j.solvers.shallowwater;

/**
 * A plain transcription of the discrete equations on the whole grid, written independently of the
 * stepper: two-dimensional arrays indexed [j][i], neighbours found by wrapping (periodic) or by explicit
 * wall cases instead of ghost cells and masks. Slow, allocating, one rank; for tests only.
 */
final class ReferenceShallowWater {

    private final int nx;
    private final int ny;
    private final double dx;
    private final double dy;
    private final double g;
    private final double f0;
    private final double beta;
    private final double lengthY;
    private final boolean periodicX;
    private final boolean periodicY;
    private final double[][] depth;
    private final double[][] drag;

    /** The state of one time level: η at cell centres, u on west faces, v on south faces. */
    record State(double[][] eta, double[][] u, double[][] v) {
    }

    ReferenceShallowWater(int nx, int ny, ShallowWaterParameters p, boolean periodicX, boolean periodicY, double[] depth,
                          double[] drag) {
        this.nx = nx;
        this.ny = ny;
        this.dx = p.lengthX() / nx;
        this.dy = p.lengthY() / ny;
        this.g = p.gravity();
        this.f0 = p.coriolisF0();
        this.beta = p.coriolisBeta();
        this.lengthY = p.lengthY();
        this.periodicX = periodicX;
        this.periodicY = periodicY;
        this.depth = grid(depth);
        this.drag = grid(drag);
    }

    /** A global field, x fastest, as [j][i]. */
    double[][] grid(double[] flat) {
        double[][] a = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            System.arraycopy(flat, j * nx, a[j], 0, nx);
        }
        return a;
    }

    /** A [j][i] field flattened, x fastest. */
    double[] flat(double[][] a) {
        double[] f = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            System.arraycopy(a[j], 0, f, j * nx, nx);
        }
        return f;
    }

    private boolean wallFaceU(int i) {
        return !periodicX && (i == 0 || i == nx);
    }

    private boolean wallFaceV(int j) {
        return !periodicY && (j == 0 || j == ny);
    }

    /** u on face i of row j, i in [0, nx]; zero on walls. */
    private double u(double[][] u, int j, int i) {
        return wallFaceU(i) ? 0 : u[j][Math.floorMod(i, nx)];
    }

    /** v on face j of column i, j in [0, ny]; zero on walls. */
    private double v(double[][] v, int j, int i) {
        return wallFaceV(j) ? 0 : v[Math.floorMod(j, ny)][i];
    }

    /** v on face j of column i, i in [−1, nx] (only asked for next to a non-wall u face). */
    private double vAround(double[][] v, int j, int i) {
        return v(v, j, Math.floorMod(i, nx));
    }

    private double uAround(double[][] u, int j, int i) {
        return wallFaceU(i) ? 0 : u(u, Math.floorMod(j, ny), i);
    }

    private double cell(double[][] a, int j, int i) {
        return a[Math.floorMod(j, ny)][Math.floorMod(i, nx)];
    }

    /** R(q), the drag acting on the velocities of {@code dragLevel}. */
    State tendency(State q, State dragLevel) {
        double[][] rEta = new double[ny][nx];
        double[][] rU = new double[ny][nx];
        double[][] rV = new double[ny][nx];
        double[][] fluxU = new double[ny][nx + 1];
        double[][] fluxV = new double[ny + 1][nx];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i <= nx; i++) {
                if (!wallFaceU(i)) {
                    double h = (cell(depth, j, i - 1) + cell(depth, j, i)) / 2 + (cell(q.eta, j, i - 1) + cell(q.eta, j, i)) / 2;
                    fluxU[j][i] = h * u(q.u, j, i);
                }
            }
        }
        for (int j = 0; j <= ny; j++) {
            for (int i = 0; i < nx; i++) {
                if (!wallFaceV(j)) {
                    double h = (cell(depth, j - 1, i) + cell(depth, j, i)) / 2 + (cell(q.eta, j - 1, i) + cell(q.eta, j, i)) / 2;
                    fluxV[j][i] = h * v(q.v, j, i);
                }
            }
        }
        for (int j = 0; j < ny; j++) {
            double fu = f0 + beta * ((j + 0.5) * dy - lengthY / 2);
            double fv = f0 + beta * (j * dy - lengthY / 2);
            for (int i = 0; i < nx; i++) {
                rEta[j][i] = -(fluxU[j][i + 1] - fluxU[j][i]) / dx - (fluxV[j + 1][i] - fluxV[j][i]) / dy;
                if (!wallFaceU(i)) {
                    double vMean = (vAround(q.v, j, i - 1) + vAround(q.v, j, i) + vAround(q.v, j + 1, i - 1)
                            + vAround(q.v, j + 1, i)) / 4;
                    double r = (cell(drag, j, i - 1) + drag[j][i]) / 2;
                    rU[j][i] = fu * vMean - g * (q.eta[j][i] - cell(q.eta, j, i - 1)) / dx - r * dragLevel.u[j][i];
                }
                if (!wallFaceV(j)) {
                    double uMean = (uAround(q.u, j - 1, i) + uAround(q.u, j - 1, i + 1) + uAround(q.u, j, i)
                            + uAround(q.u, j, i + 1)) / 4;
                    double r = (cell(drag, j - 1, i) + drag[j][i]) / 2;
                    rV[j][i] = -fv * uMean - g * (q.eta[j][i] - cell(q.eta, j - 1, i)) / dy - r * dragLevel.v[j][i];
                }
            }
        }
        return new State(rEta, rU, rV);
    }

    /** Σ_k c_k·x_k, with wall faces set to zero. */
    State sum(double[] c, State... x) {
        double[][][] out = {new double[ny][nx], new double[ny][nx], new double[ny][nx]};
        for (int k = 0; k < c.length; k++) {
            double[][][] parts = {x[k].eta, x[k].u, x[k].v};
            for (int f = 0; f < 3; f++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        out[f][j][i] += c[k] * parts[f][j][i];
                    }
                }
            }
        }
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                if (wallFaceU(i)) {
                    out[1][j][i] = 0;
                }
                if (wallFaceV(j)) {
                    out[2][j][i] = 0;
                }
            }
        }
        return new State(out[0], out[1], out[2]);
    }

    /** One SSP-RK3 step. */
    State rk3(State q, double dt) {
        State q1 = sum(new double[] {1, dt}, q, tendency(q, q));
        State q2 = sum(new double[] {0.75, 0.25, 0.25 * dt}, q, q1, tendency(q1, q1));
        return sum(new double[] {1.0 / 3, 2.0 / 3, 2.0 / 3 * dt}, q, q2, tendency(q2, q2));
    }

    /** One leapfrog step with the Robert–Asselin filter: {q_{n+1}, q̄_n} from q_n and q̄_{n−1}. */
    State[] leapfrog(State current, State previous, double dt, double asselin) {
        State next = sum(new double[] {1, 2 * dt}, previous, tendency(current, previous));
        State filtered = sum(new double[] {1 - 2 * asselin, asselin, asselin}, current, previous, next);
        return new State[] {next, filtered};
    }

    /** The forward-Euler start: {q_1, q_0}. */
    State[] euler(State current, double dt) {
        return new State[] {sum(new double[] {1, dt}, current, tendency(current, current)), sum(new double[] {1}, current)};
    }
}
