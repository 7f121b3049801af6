package org.adjoint4j.solvers.heat;

import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TimeStepper;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.HaloExchange;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.SerialCommunicator;

/**
 * Explicit Euler step of ∂u/∂t = ∇·(κ∇u) on the unit square, N×N cell-centred cells of width
 * h = 1/N, u = 0 in the ghost cells outside the square:
 * <pre>
 *   u'_ij = u_ij + dt/h² · [κ_{i+½,j}(u_{i+1,j} − u_ij) − κ_{i−½,j}(u_ij − u_{i−1,j})
 *                          + κ_{i,j+½}(u_{i,j+1} − u_ij) − κ_{i,j−½}(u_ij − u_{i,j−1})]
 * </pre>
 * with face diffusivity the mean of the two adjacent cells, and the adjacent interior cell's κ on a
 * boundary face. State: field {@code u}. Controls: fields {@code kappa} (κ at cell centres) and
 * {@code u0} (the initial condition, used by {@link Heat2dProblem}). Each rank holds its block of a
 * {@link Decomposition2d}; ghost cells at block edges inside the square come from the neighbours by a
 * halo exchange, overlapped with the interior cells.
 *
 * <p><b>Adjoint.</b> The step is u' = A(κ)u with A symmetric (the same face coefficient couples both
 * cells), so λ<sub>n</sub> = A λ<sub>n+1</sub> uses the forward stencil, with λ<sub>n+1</sub>'s ghosts
 * exchanged like u's. The κ gradient gathers, for each cell a and face f to neighbour b,
 * ½·dt/h²·(u_b − u_a)(λ_a − λ_b), doubled on faces of the square's boundary whose coefficient is κ_a
 * alone; no cell writes another's gradient, so no adjoint halo exchange is needed.
 *
 * <p>The loops run as SIMD code when the JDK's Vector API is available ({@link
 * org.adjoint4j.solvers.VectorSupport}), with bit-identical results. Not thread-safe: one stepper per rank.
 */
public final class Heat2d implements TimeStepper {

    private final int n;
    private final double dt;
    private final double half;
    private final int nx;
    private final int ny;
    private final SquareBlock block;
    private final FieldLayout stateLayout;
    private final ControlLayout controlLayout;
    private final FieldSpec cells;
    private final HaloExchange halo;
    private final Heat2dKernel kernel = Heat2dKernel.best();
    private final double[][] pair = new double[2][];
    private final int finalStep;
    private final SquareBlock.RectangleLoop applyLoop;
    private final SquareBlock.RectangleLoop faceProductLoop;

    /**
     * A stepper on one rank covering the whole square.
     *
     * @param n  cells per side, at least 2
     * @param dt time step; fixed (not a control)
     */
    public Heat2d(int n, double dt) {
        this(SerialCommunicator.instance(), Decomposition2d.of(checkCells(n), n, ProcessGrid.of(1, 1, false, false)), dt,
                Integer.MAX_VALUE);
    }

    /**
     * This rank's stepper of a decomposed square.
     *
     * @param comm          the job's ranks
     * @param decomposition an N×N grid over the job's process grid (not periodic)
     * @param dt            time step; fixed (not a control)
     * @param finalStep     the last step T of a run, reported by {@link #isFinal} to online schedules
     * @throws IllegalArgumentException naming the parameter if the grid is not square, has fewer than 2
     *         cells per side, is periodic, is split over another number of ranks than the job has, or dt
     *         is not finite and positive
     */
    public Heat2d(Communicator comm, Decomposition2d decomposition, double dt, int finalStep) {
        if (decomposition.nx() != decomposition.ny()) {
            throw new IllegalArgumentException("heat2d needs a square grid, was " + decomposition.nx() + "x" + decomposition.ny());
        }
        checkCells(decomposition.nx());
        if (decomposition.grid().periodicX() || decomposition.grid().periodicY()) {
            throw new IllegalArgumentException("heat2d has walls: the process grid must not be periodic, was "
                    + decomposition.grid());
        }
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, was " + dt);
        }
        if (decomposition.grid().size() != comm.size()) {
            throw new IllegalArgumentException("process grid " + decomposition.grid() + " has "
                    + decomposition.grid().size() + " ranks, the job " + comm.size());
        }
        this.n = decomposition.nx();
        this.dt = dt;
        this.finalStep = finalStep;
        this.half = 0.5 * dt * n * n;
        this.block = new SquareBlock(comm, decomposition);
        this.nx = block.nx;
        this.ny = block.ny;
        this.cells = block.cells;
        this.stateLayout = FieldLayout.of(cells);
        this.controlLayout = ControlLayout.ofFields(FieldSpec.of("kappa", nx, ny, 1), FieldSpec.of("u0", nx, ny, 0));
        this.halo = block.halo;
        int stride = cells.stride();
        this.applyLoop = (i0, i1, j0, j1, x, kappa, out) -> kernel.apply(stride, i0, i1, j0, j1, half, x, kappa, out);
        this.faceProductLoop = (i0, i1, j0, j1, u, lam, g) -> kernel.addFaceProducts(stride, i0, i1, j0, j1, half, u, lam, g);
    }

    private static int checkCells(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("cells per side must be >= 2, was " + n);
        }
        return n;
    }

    /**
     * Cells per side of the whole square.
     *
     * @return N, at least 2; the cell width is h = 1/N
     */
    public int cellsPerSide() {
        return n;
    }

    /**
     * The time step.
     *
     * @return dt, finite and &gt; 0, as given to the constructor
     */
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

    /**
     * Fills κ's ghost cells: from the neighbours inside the square, and by mirroring the adjacent
     * cell on the square's boundary so that a boundary face's mean is that cell's κ. Collective.
     */
    @Override
    public void prepare(Controls controls) {
        block.fillKappaGhosts(controls.field("kappa"));
    }

    @Override
    public void forward(int step, Fields in, Fields out, Controls controls) {
        double[] u = in.get(0);
        double[] kappa = controls.field("kappa");
        double[] next = out.get(0);
        block.zeroOutsideGhosts(u);
        halo.start(u);
        int s = cells.stride();
        kernel.apply(s, 1, nx - 1, 1, ny - 1, half, u, kappa, next);
        halo.finish();
        block.edges(applyLoop, u, kappa, next);
    }

    @Override
    public void adjoint(int step, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient) {
        double[] u = in.get(0);
        double[] lam = adjOut.get(0);
        double[] kappa = controls.field("kappa");
        double[] result = adjIn.get(0);
        double[] g = gradient.field("kappa");
        block.zeroOutsideGhosts(u);
        block.zeroOutsideGhosts(lam);
        pair[0] = u;
        pair[1] = lam;
        halo.start(pair);
        int s = cells.stride();
        // one pass over λ' for both loops: the adjoint step streams from memory at large N
        kernel.applyAndAddFaceProducts(s, 1, nx - 1, 1, ny - 1, half, lam, kappa, result, u, g);
        halo.finish();
        block.edges(applyLoop, lam, kappa, result);
        block.edges(faceProductLoop, u, lam, g);
        block.addBoundaryFaceTerms(half, u, lam, g);
        pair[0] = null;
        pair[1] = null;
    }

    /** The run ends at step T (the time T·dt), for online schedules that do not know T. */
    @Override
    public boolean isFinal(int step, Fields state, Controls controls) {
        return step >= finalStep;
    }

    /**
     * True if this stepper runs SIMD kernels.
     *
     * @return true if the Vector API kernel was loaded, false if the scalar one runs (same results)
     */
    public boolean vectorised() {
        return !(kernel instanceof ScalarHeat2dKernel);
    }

    @Override
    public String toString() {
        return "heat2d(N=" + n + ", dt=" + dt + ", block " + nx + "x" + ny + ")";
    }
}
