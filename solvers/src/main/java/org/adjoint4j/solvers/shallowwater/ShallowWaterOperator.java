package org.adjoint4j.solvers.shallowwater;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.HaloExchange;
import org.adjoint4j.mpi.ProcessGrid;

/**
 * The discrete shallow-water tendency R(q; D, r) on this rank's block of an Arakawa C grid, the
 * explicit update built from it, and the tangent-linear and adjoint of that update: what the
 * integrators {@link ShallowWaterRk3} and {@link ShallowWaterLeapfrog} are made of.
 *
 * <p><b>Grid.</b> η(i, j) sits at the centre of cell (i, j), u(i, j) on its west face and v(i, j) on its
 * south face; every array (state, controls, coefficients, work) has one ghost layer, cell (i, j) at flat
 * index (j + 1)·(nx + 2) + i + 1. A wall face carries no flow: on a west wall u(0, j) is a placeholder,
 * on an east wall the ghost u(nx, j) is, and likewise v(i, 0) and v(i, ny) on south and north walls.
 * Face masks m<sup>u</sup>, m<sup>v</sup> (0 on wall faces, 1 elsewhere) multiply every velocity the
 * update reads and every velocity it writes, so placeholders are ignored on input and zero on output.
 *
 * <p><b>Tendency.</b> With face depths D<sup>u</sup> = ½(D<sub>i−1,j</sub> + D<sub>ij</sub>),
 * D<sup>v</sup> = ½(D<sub>i,j−1</sub> + D<sub>ij</sub>), face drags r<sup>u</sup>, r<sup>v</sup> formed
 * alike, total face depths H<sup>u</sup> = D<sup>u</sup> + ½(η<sub>i−1,j</sub> + η<sub>ij</sub>) and the
 * masked velocities ũ = m<sup>u</sup>u, ṽ = m<sup>v</sup>v:
 * <pre>
 *   R_η(i,j) = −([H^u ũ]_{i+1,j} − [H^u ũ]_{ij}) / dx − ([H^v ṽ]_{i,j+1} − [H^v ṽ]_{ij}) / dy
 *   R_u(i,j) = f(y_u)·¼(ṽ_{i−1,j} + ṽ_{ij} + ṽ_{i−1,j+1} + ṽ_{i,j+1}) − g(η_{ij} − η_{i−1,j})/dx − r^u_{ij}·ũ^d_{ij}
 *   R_v(i,j) = −f(y_v)·¼(ũ_{i,j−1} + ũ_{i+1,j−1} + ũ_{ij} + ũ_{i+1,j}) − g(η_{ij} − η_{i,j−1})/dy − r^v_{ij}·ṽ^d_{ij}
 * </pre>
 * where the drag acts on the velocity of a "drag level" d (the stage itself for Runge–Kutta, the
 * previous level for leapfrog). The flux H<sup>u</sup>ũ through a face is the same expression, with the
 * same operands, in both cells beside it, so the update conserves Σ η to rounding error.
 *
 * <p><b>Update.</b> {@link #stage}: out = M(a·p + b·q + c·R(q)) with the masks M, one pass over the
 * owned cells, reading the ghosts of q (η, u, v, corners included, from {@link #startExchange}).
 *
 * <p><b>Adjoint.</b> {@link #stageAdjoint} is the line-by-line transpose of {@link #stageTangent}: every
 * value the update reads at a neighbour receives its adjoint contribution there, ghost cells included;
 * {@link #adjointExchange} (the halo exchange's adjoint) then sends ghost contributions to the ranks
 * that own the cells. Face-coefficient sensitivities accumulate over the stages of a step and are
 * turned into bathymetry and drag gradients by {@link #finishAdjoint}, again through the halo
 * exchange's adjoint. Ghost cells beyond a wall are set to zero before use; the adjoint contributions
 * they receive are exact zeros (masked) and are dropped.
 *
 * <p>Work arrays are allocated here once; no method allocates. Not thread-safe.
 */
final class ShallowWaterOperator {

    /** The bathymetry (resting depth) control field. */
    static final String BATHYMETRY = "bathymetry";
    /** The initial elevation control field. */
    static final String ETA0 = "eta0";
    /** The bottom drag control field. */
    static final String DRAG = "drag";

    /** Which owned cells a kernel call covers, to overlap a halo exchange with the interior. */
    enum Cells {
        /** Cells whose stencil reads no ghost: [1, nx−1) × [1, ny−1). */
        INTERIOR,
        /** The first and last rows and columns, each cell once. */
        EDGES
    }

    private final int nx;
    private final int ny;
    private final int s;
    private final FieldSpec cells;
    private final double invDx;
    private final double invDy;
    private final double gOverDx;
    private final double gOverDy;
    private final boolean westWall;
    private final boolean eastWall;
    private final boolean southWall;
    private final boolean northWall;
    /** m<sup>u</sup> of face column i at index i + 1, i in [−1, nx]. */
    private final double[] maskU;
    /** m<sup>v</sup> of face row j at index j + 1, j in [−1, ny]. */
    private final double[] maskV;
    private final double[] coriolisU;
    private final double[] coriolisV;
    private final HaloExchange halo;
    private final int[][] interior;
    private final int[][] edges;

    // face coefficients of m, of a tangent direction δm, and the adjoint sensitivities to them
    private final double[] depthU;
    private final double[] depthV;
    private final double[] dragU;
    private final double[] dragV;
    private final double[] tangentDepthU;
    private final double[] tangentDepthV;
    private final double[] tangentDragU;
    private final double[] tangentDragV;
    private final double[] adjointDepthU;
    private final double[] adjointDepthV;
    private final double[] adjointDragU;
    private final double[] adjointDragV;
    private final double[] adjointDepth;
    private final double[] adjointDrag;

    private final double[][] three = new double[3][];
    private final double[][] six = new double[6][];
    private final double[][] five = new double[5][];
    private final double[][] two = new double[2][];

    /**
     * This rank's operator.
     *
     * @throws IllegalArgumentException if the grid has fewer than 2 cells in a direction or the
     *         communicator does not match the decomposition
     */
    ShallowWaterOperator(Communicator comm, Decomposition2d decomposition, ShallowWaterParameters parameters) {
        Objects.requireNonNull(comm, "comm");
        Objects.requireNonNull(decomposition, "decomposition");
        Objects.requireNonNull(parameters, "parameters");
        if (decomposition.nx() < 2 || decomposition.ny() < 2) {
            // a closed basin needs an inner face in each direction
            throw new IllegalArgumentException("the grid needs >= 2 cells in each direction, was " + decomposition.nx()
                    + "x" + decomposition.ny());
        }
        Block b = decomposition.block(comm.rank());
        this.nx = b.nx();
        this.ny = b.ny();
        this.cells = FieldSpec.of("eta", nx, ny, 1);
        this.s = cells.stride();
        double dx = parameters.lengthX() / decomposition.nx();
        double dy = parameters.lengthY() / decomposition.ny();
        this.invDx = 1 / dx;
        this.invDy = 1 / dy;
        this.gOverDx = parameters.gravity() / dx;
        this.gOverDy = parameters.gravity() / dy;
        ProcessGrid grid = decomposition.grid();
        this.westWall = !grid.periodicX() && b.offsetX() == 0;
        this.eastWall = !grid.periodicX() && b.offsetX() + nx == decomposition.nx();
        this.southWall = !grid.periodicY() && b.offsetY() == 0;
        this.northWall = !grid.periodicY() && b.offsetY() + ny == decomposition.ny();
        this.maskU = new double[nx + 2];
        Arrays.fill(maskU, 1.0);
        maskU[1] = westWall ? 0 : 1;
        maskU[nx + 1] = eastWall ? 0 : 1;
        this.maskV = new double[ny + 2];
        Arrays.fill(maskV, 1.0);
        maskV[1] = southWall ? 0 : 1;
        maskV[ny + 1] = northWall ? 0 : 1;
        this.coriolisU = new double[ny];
        this.coriolisV = new double[ny];
        for (int j = 0; j < ny; j++) {
            coriolisU[j] = parameters.coriolis((b.offsetY() + j + 0.5) * dy);
            coriolisV[j] = parameters.coriolis((b.offsetY() + j) * dy);
        }
        this.halo = HaloExchange.builder(comm, decomposition).width(1).ghost(1).corners(true).build();
        this.interior = new int[][] {{1, nx - 1, 1, ny - 1}};
        this.edges = edgeRectangles(nx, ny);
        int length = cells.storedLength();
        this.depthU = new double[length];
        this.depthV = new double[length];
        this.dragU = new double[length];
        this.dragV = new double[length];
        this.tangentDepthU = new double[length];
        this.tangentDepthV = new double[length];
        this.tangentDragU = new double[length];
        this.tangentDragV = new double[length];
        this.adjointDepthU = new double[length];
        this.adjointDepthV = new double[length];
        this.adjointDragU = new double[length];
        this.adjointDragV = new double[length];
        this.adjointDepth = new double[length];
        this.adjointDrag = new double[length];
    }

    /** The first and last rows and columns of an nx × ny block as rectangles {i0, i1, j0, j1}, each cell once. */
    private static int[][] edgeRectangles(int nx, int ny) {
        List<int[]> r = new ArrayList<>();
        r.add(new int[] {0, nx, 0, 1});
        if (ny > 1) {
            r.add(new int[] {0, nx, ny - 1, ny});
        }
        if (ny > 2) {
            r.add(new int[] {0, 1, 1, ny - 1});
            if (nx > 1) {
                r.add(new int[] {nx - 1, nx, 1, ny - 1});
            }
        }
        return r.toArray(new int[0][]);
    }

    /** The layout of one field of this rank's block (owned cells and one ghost layer). */
    FieldSpec spec(String name) {
        return FieldSpec.of(name, nx, ny, 1);
    }

    /**
     * The controls of both integrators: bathymetry and drag with a ghost layer (the stencils average
     * them to faces), eta0 without (only the initial state reads it).
     */
    ControlLayout controlLayout() {
        return ControlLayout.ofFields(spec(BATHYMETRY), FieldSpec.of(ETA0, nx, ny, 0), spec(DRAG));
    }

    private int[][] rectangles(Cells part) {
        return part == Cells.INTERIOR ? interior : edges;
    }

    // ---- controls ------------------------------------------------------------------------------

    /** Fills the ghosts of m's bathymetry and drag (collective) and caches their face values. */
    void prepare(Controls controls) {
        faceValues(controls, depthU, depthV, dragU, dragV);
    }

    /** As {@link #prepare} for a direction δm, whose face values {@link #stageTangent} uses. */
    void prepareDirection(Controls direction) {
        faceValues(direction, tangentDepthU, tangentDepthV, tangentDragU, tangentDragV);
    }

    private void faceValues(Controls controls, double[] dU, double[] dV, double[] rU, double[] rV) {
        double[] depth = controls.field(BATHYMETRY);
        double[] drag = controls.field(DRAG);
        zeroWallGhosts(depth);
        zeroWallGhosts(drag);
        two[0] = depth;
        two[1] = drag;
        halo.exchange(two);
        for (int j = 0; j < ny; j++) {
            int row = cells.index(0, j);
            for (int k = row; k <= row + nx; k++) {
                dU[k] = 0.5 * (depth[k - 1] + depth[k]);
            }
        }
        for (int j = 0; j <= ny; j++) {
            int row = cells.index(0, j);
            for (int k = row; k < row + nx; k++) {
                dV[k] = 0.5 * (depth[k - s] + depth[k]);
            }
        }
        for (int j = 0; j < ny; j++) {
            int row = cells.index(0, j);
            for (int k = row; k < row + nx; k++) {
                rU[k] = 0.5 * (drag[k - 1] + drag[k]);
                rV[k] = 0.5 * (drag[k - s] + drag[k]);
            }
        }
    }

    // ---- halo exchanges ------------------------------------------------------------------------

    /** Zeroes the ghosts beyond walls of q and starts filling the others from the neighbours. */
    void startExchange(Level q) {
        three[0] = q.eta;
        three[1] = q.u;
        three[2] = q.v;
        for (double[] a : three) {
            zeroWallGhosts(a);
        }
        halo.start(three);
    }

    /** As {@link #startExchange(Level)} for a level and its tangent, in one set of messages. */
    void startExchange(Level q, Level dq) {
        six[0] = q.eta;
        six[1] = q.u;
        six[2] = q.v;
        six[3] = dq.eta;
        six[4] = dq.u;
        six[5] = dq.v;
        for (double[] a : six) {
            zeroWallGhosts(a);
        }
        halo.start(six);
    }

    /** Completes the exchange started last: the ghosts are filled. */
    void finishExchange() {
        halo.finish();
    }

    /** Sends λ's ghost contributions to their owners and adds them there (the exchange's adjoint). */
    void adjointExchange(Level lambda) {
        three[0] = lambda.eta;
        three[1] = lambda.u;
        three[2] = lambda.v;
        halo.adjoint(three);
    }

    private void zeroWallGhosts(double[] a) {
        if (westWall) {
            for (int j = -1; j <= ny; j++) {
                a[cells.index(-1, j)] = 0;
            }
        }
        if (eastWall) {
            for (int j = -1; j <= ny; j++) {
                a[cells.index(nx, j)] = 0;
            }
        }
        if (southWall) {
            Arrays.fill(a, cells.index(-1, -1), cells.index(nx + 1, -1), 0.0);
        }
        if (northWall) {
            Arrays.fill(a, cells.index(-1, ny), cells.index(nx + 1, ny), 0.0);
        }
    }

    // ---- the update ----------------------------------------------------------------------------

    /**
     * out = M(a·p + b·q + c·R(q)), the drag acting on the velocity of {@code drag}.
     *
     * @param p    read at owned cells
     * @param q    read, ghosts included (exchanged)
     * @param drag read at owned cells (velocities only)
     * @param out  written at the owned cells of {@code part}; never one of the inputs
     */
    void stage(double a, Level p, double b, Level q, Level drag, double c, Level out, Cells part) {
        for (int[] r : rectangles(part)) {
            stage(a, p, b, q, drag, c, out, r[0], r[1], r[2], r[3]);
        }
    }

    private void stage(double a, Level p, double b, Level q, Level drag, double c, Level out,
                       int i0, int i1, int j0, int j1) {
        final double[] eta = q.eta;
        final double[] u = q.u;
        final double[] v = q.v;
        final double[] pEta = p.eta;
        final double[] pU = p.u;
        final double[] pV = p.v;
        final double[] dragLevelU = drag.u;
        final double[] dragLevelV = drag.v;
        final double[] outEta = out.eta;
        final double[] outU = out.u;
        final double[] outV = out.v;
        for (int j = j0; j < j1; j++) {
            final double mS = maskV[j + 1];
            final double mN = maskV[j + 2];
            final double fU = coriolisU[j];
            final double fV = coriolisV[j];
            final int row = cells.index(0, j);
            for (int i = i0; i < i1; i++) {
                final int k = row + i;
                final double mW = maskU[i + 1];
                final double mE = maskU[i + 2];
                final double e = eta[k];
                final double uW = mW * u[k];
                final double uE = mE * u[k + 1];
                final double vS = mS * v[k];
                final double vN = mN * v[k + s];
                final double hW = depthU[k] + 0.5 * (eta[k - 1] + e);
                final double hE = depthU[k + 1] + 0.5 * (e + eta[k + 1]);
                final double hS = depthV[k] + 0.5 * (eta[k - s] + e);
                final double hN = depthV[k + s] + 0.5 * (e + eta[k + s]);
                final double tendencyEta = (hW * uW - hE * uE) * invDx + (hS * vS - hN * vN) * invDy;
                outEta[k] = a * pEta[k] + b * e + c * tendencyEta;

                final double vBar = 0.25 * (mS * (v[k - 1] + v[k]) + mN * (v[k - 1 + s] + v[k + s]));
                final double tendencyU = fU * vBar - gOverDx * (e - eta[k - 1]) - dragU[k] * (mW * dragLevelU[k]);
                outU[k] = mW * (a * pU[k] + b * u[k] + c * tendencyU);

                final double uBar = 0.25 * (mW * (u[k - s] + u[k]) + mE * (u[k + 1 - s] + u[k + 1]));
                final double tendencyV = -fV * uBar - gOverDy * (e - eta[k - s]) - dragV[k] * (mS * dragLevelV[k]);
                outV[k] = mS * (a * pV[k] + b * v[k] + c * tendencyV);
            }
        }
    }

    /**
     * The tangent of {@link #stage}: δout = M(a·δp + b·δq + c·(∂R/∂q·δq + ∂R/∂m·δm)), linearised at q
     * and m, with δm's face values from {@link #prepareDirection}.
     *
     * @param dp        read at owned cells
     * @param q         read, ghosts included
     * @param dq        read, ghosts included
     * @param drag      read at owned cells; {@code dDrag} is its tangent
     * @param dOut      written at the owned cells of {@code part}
     */
    void stageTangent(double a, Level dp, double b, Level q, Level dq, Level drag, Level dDrag, double c, Level dOut,
                      Cells part) {
        for (int[] r : rectangles(part)) {
            stageTangent(a, dp, b, q, dq, drag, dDrag, c, dOut, r[0], r[1], r[2], r[3]);
        }
    }

    private void stageTangent(double a, Level dp, double b, Level q, Level dq, Level drag, Level dDrag, double c,
                              Level dOut, int i0, int i1, int j0, int j1) {
        final double[] eta = q.eta;
        final double[] u = q.u;
        final double[] v = q.v;
        final double[] dEta = dq.eta;
        final double[] dU = dq.u;
        final double[] dV = dq.v;
        final double[] dpEta = dp.eta;
        final double[] dpU = dp.u;
        final double[] dpV = dp.v;
        final double[] dragLevelU = drag.u;
        final double[] dragLevelV = drag.v;
        final double[] dDragLevelU = dDrag.u;
        final double[] dDragLevelV = dDrag.v;
        final double[] outEta = dOut.eta;
        final double[] outU = dOut.u;
        final double[] outV = dOut.v;
        for (int j = j0; j < j1; j++) {
            final double mS = maskV[j + 1];
            final double mN = maskV[j + 2];
            final double fU = coriolisU[j];
            final double fV = coriolisV[j];
            final int row = cells.index(0, j);
            for (int i = i0; i < i1; i++) {
                final int k = row + i;
                final double mW = maskU[i + 1];
                final double mE = maskU[i + 2];
                final double e = eta[k];
                final double de = dEta[k];
                final double uW = mW * u[k];
                final double uE = mE * u[k + 1];
                final double vS = mS * v[k];
                final double vN = mN * v[k + s];
                final double duW = mW * dU[k];
                final double duE = mE * dU[k + 1];
                final double dvS = mS * dV[k];
                final double dvN = mN * dV[k + s];
                final double hW = depthU[k] + 0.5 * (eta[k - 1] + e);
                final double hE = depthU[k + 1] + 0.5 * (e + eta[k + 1]);
                final double hS = depthV[k] + 0.5 * (eta[k - s] + e);
                final double hN = depthV[k + s] + 0.5 * (e + eta[k + s]);
                final double dhW = tangentDepthU[k] + 0.5 * (dEta[k - 1] + de);
                final double dhE = tangentDepthU[k + 1] + 0.5 * (de + dEta[k + 1]);
                final double dhS = tangentDepthV[k] + 0.5 * (dEta[k - s] + de);
                final double dhN = tangentDepthV[k + s] + 0.5 * (de + dEta[k + s]);
                final double tendencyEta = ((dhW * uW + hW * duW) - (dhE * uE + hE * duE)) * invDx
                        + ((dhS * vS + hS * dvS) - (dhN * vN + hN * dvN)) * invDy;
                outEta[k] = a * dpEta[k] + b * de + c * tendencyEta;

                final double vBar = 0.25 * (mS * (dV[k - 1] + dV[k]) + mN * (dV[k - 1 + s] + dV[k + s]));
                final double tendencyU = fU * vBar - gOverDx * (de - dEta[k - 1])
                        - tangentDragU[k] * (mW * dragLevelU[k]) - dragU[k] * (mW * dDragLevelU[k]);
                outU[k] = mW * (a * dpU[k] + b * dU[k] + c * tendencyU);

                final double uBar = 0.25 * (mW * (dU[k - s] + dU[k]) + mE * (dU[k + 1 - s] + dU[k + 1]));
                final double tendencyV = -fV * uBar - gOverDy * (de - dEta[k - s])
                        - tangentDragV[k] * (mS * dragLevelV[k]) - dragV[k] * (mS * dDragLevelV[k]);
                outV[k] = mS * (a * dpV[k] + b * dV[k] + c * tendencyV);
            }
        }
    }

    /**
     * The transpose of {@link #stageTangent} applied to μ, the adjoint of the stage's output: adds a·Mμ to
     * λp, b·Mμ + c·(∂R/∂q)<sup>T</sup>Mμ to λq (the drag term to λdrag instead), and
     * c·(∂R/∂m)<sup>T</sup>Mμ to the face sensitivities that {@link #finishAdjoint} turns into control
     * gradients. λp, λq and λdrag may be the same level.
     *
     * @param lp     accumulated into at owned cells
     * @param q      read, ghosts included (exchanged)
     * @param lq     accumulated into at owned and ghost cells: send the ghosts home with {@link #adjointExchange}
     *               or {@link #finishAdjoint}
     * @param drag   read at owned cells
     * @param lDrag  accumulated into at owned cells (velocities only)
     * @param mu     read at owned cells, not modified
     */
    void stageAdjoint(double a, Level lp, double b, Level q, Level lq, Level drag, Level lDrag, double c, Level mu) {
        final double[] eta = q.eta;
        final double[] u = q.u;
        final double[] v = q.v;
        final double[] muEta = mu.eta;
        final double[] muU = mu.u;
        final double[] muV = mu.v;
        final double[] lpEta = lp.eta;
        final double[] lpU = lp.u;
        final double[] lpV = lp.v;
        final double[] lEta = lq.eta;
        final double[] lU = lq.u;
        final double[] lV = lq.v;
        final double[] dragLevelU = drag.u;
        final double[] dragLevelV = drag.v;
        final double[] lDragU = lDrag.u;
        final double[] lDragV = lDrag.v;
        for (int j = 0; j < ny; j++) {
            final double mS = maskV[j + 1];
            final double mN = maskV[j + 2];
            final double fU = coriolisU[j];
            final double fV = coriolisV[j];
            final int row = cells.index(0, j);
            for (int i = 0; i < nx; i++) {
                final int k = row + i;
                final double mW = maskU[i + 1];
                final double mE = maskU[i + 2];
                final double e = eta[k];

                // η(i,j) = a·p + b·q + c·R_η
                final double me = muEta[k];
                lpEta[k] += a * me;
                lEta[k] += b * me;
                final double sx = c * me * invDx;
                final double sy = c * me * invDy;
                final double uW = mW * u[k];
                final double uE = mE * u[k + 1];
                final double vS = mS * v[k];
                final double vN = mN * v[k + s];
                final double hW = depthU[k] + 0.5 * (eta[k - 1] + e);
                final double hE = depthU[k + 1] + 0.5 * (e + eta[k + 1]);
                final double hS = depthV[k] + 0.5 * (eta[k - s] + e);
                final double hN = depthV[k + s] + 0.5 * (e + eta[k + s]);
                // the four face fluxes H·ũ, with signs +, −, +, −
                lU[k] += mW * (hW * sx);
                final double sW = uW * sx;
                adjointDepthU[k] += sW;
                lEta[k - 1] += 0.5 * sW;
                lEta[k] += 0.5 * sW;
                lU[k + 1] -= mE * (hE * sx);
                final double sE = -(uE * sx);
                adjointDepthU[k + 1] += sE;
                lEta[k] += 0.5 * sE;
                lEta[k + 1] += 0.5 * sE;
                lV[k] += mS * (hS * sy);
                final double sS = vS * sy;
                adjointDepthV[k] += sS;
                lEta[k - s] += 0.5 * sS;
                lEta[k] += 0.5 * sS;
                lV[k + s] -= mN * (hN * sy);
                final double sN = -(vN * sy);
                adjointDepthV[k + s] += sN;
                lEta[k] += 0.5 * sN;
                lEta[k + s] += 0.5 * sN;

                // u(i,j) = m^u (a·p + b·q + c·R_u)
                final double muFaceU = mW * muU[k];
                lpU[k] += a * muFaceU;
                lU[k] += b * muFaceU;
                final double su = c * muFaceU;
                final double sBarV = 0.25 * (fU * su);
                lV[k - 1] += mS * sBarV;
                lV[k] += mS * sBarV;
                lV[k - 1 + s] += mN * sBarV;
                lV[k + s] += mN * sBarV;
                lEta[k] -= gOverDx * su;
                lEta[k - 1] += gOverDx * su;
                adjointDragU[k] -= (mW * dragLevelU[k]) * su;
                lDragU[k] -= mW * (dragU[k] * su);

                // v(i,j) = m^v (a·p + b·q + c·R_v)
                final double muFaceV = mS * muV[k];
                lpV[k] += a * muFaceV;
                lV[k] += b * muFaceV;
                final double sv = c * muFaceV;
                final double sBarU = -0.25 * (fV * sv);
                lU[k - s] += mW * sBarU;
                lU[k] += mW * sBarU;
                lU[k + 1 - s] += mE * sBarU;
                lU[k + 1] += mE * sBarU;
                lEta[k] -= gOverDy * sv;
                lEta[k - s] += gOverDy * sv;
                adjointDragV[k] -= (mS * dragLevelV[k]) * sv;
                lDragV[k] -= mS * (dragV[k] * sv);
            }
        }
    }

    /**
     * Ends an adjoint step: turns the face sensitivities accumulated since the last call into cell
     * sensitivities of the bathymetry and the drag, sends every ghost contribution (those of λ and of
     * the two controls) home in one adjoint exchange, and adds the control sensitivities to the
     * gradient. Collective.
     *
     * @param lambda   λ of the step's input: owned cells completed with the ghost contributions
     * @param gradient the bathymetry and drag fields accumulated into (owned cells)
     */
    void finishAdjoint(Level lambda, Controls gradient) {
        for (int j = 0; j < ny; j++) {
            int row = cells.index(0, j);
            for (int k = row; k <= row + nx; k++) {
                double g = 0.5 * adjointDepthU[k];
                adjointDepth[k - 1] += g;
                adjointDepth[k] += g;
                adjointDepthU[k] = 0;
            }
        }
        for (int j = 0; j <= ny; j++) {
            int row = cells.index(0, j);
            for (int k = row; k < row + nx; k++) {
                double g = 0.5 * adjointDepthV[k];
                adjointDepth[k - s] += g;
                adjointDepth[k] += g;
                adjointDepthV[k] = 0;
            }
        }
        for (int j = 0; j < ny; j++) {
            int row = cells.index(0, j);
            for (int k = row; k < row + nx; k++) {
                double gu = 0.5 * adjointDragU[k];
                adjointDrag[k - 1] += gu;
                adjointDrag[k] += gu;
                double gv = 0.5 * adjointDragV[k];
                adjointDrag[k - s] += gv;
                adjointDrag[k] += gv;
                adjointDragU[k] = 0;
                adjointDragV[k] = 0;
            }
        }
        five[0] = lambda.eta;
        five[1] = lambda.u;
        five[2] = lambda.v;
        five[3] = adjointDepth;
        five[4] = adjointDrag;
        halo.adjoint(five);
        double[] gDepth = gradient.field(BATHYMETRY);
        double[] gDrag = gradient.field(DRAG);
        for (int j = 0; j < ny; j++) {
            int row = cells.index(0, j);
            for (int k = row; k < row + nx; k++) {
                gDepth[k] += adjointDepth[k];
                gDrag[k] += adjointDrag[k];
            }
        }
        Arrays.fill(adjointDepth, 0.0);
        Arrays.fill(adjointDrag, 0.0);
    }

    // ---- pointwise -----------------------------------------------------------------------------

    /**
     * out = M(α·x + β·y + γ·z) at owned cells.
     *
     * @param x   read at owned cells (likewise y and z)
     * @param out written at owned cells; may be one of the inputs
     */
    void combine(double alpha, Level x, double beta, Level y, double gamma, Level z, Level out) {
        for (int j = 0; j < ny; j++) {
            final double mS = maskV[j + 1];
            final int row = cells.index(0, j);
            for (int i = 0; i < nx; i++) {
                final int k = row + i;
                final double mW = maskU[i + 1];
                out.eta[k] = alpha * x.eta[k] + beta * y.eta[k] + gamma * z.eta[k];
                out.u[k] = mW * (alpha * x.u[k] + beta * y.u[k] + gamma * z.u[k]);
                out.v[k] = mS * (alpha * x.v[k] + beta * y.v[k] + gamma * z.v[k]);
            }
        }
    }

    /**
     * target += α·M·x at owned cells.
     *
     * @param x      read at owned cells
     * @param target accumulated into at owned cells
     */
    void addScaled(double alpha, Level x, Level target) {
        for (int j = 0; j < ny; j++) {
            final double mS = maskV[j + 1];
            final int row = cells.index(0, j);
            for (int i = 0; i < nx; i++) {
                final int k = row + i;
                final double mW = maskU[i + 1];
                target.eta[k] += alpha * x.eta[k];
                target.u[k] += mW * (alpha * x.u[k]);
                target.v[k] += mS * (alpha * x.v[k]);
            }
        }
    }
}
