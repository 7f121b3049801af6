package org.adjoint4j.solvers.lorenz96;

import java.util.Arrays;
import java.util.List;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TangentLinearStepper;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.HaloExchange;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.SerialCommunicator;

/**
 * One classical Runge–Kutta (RK4) step of the Lorenz-96 model (Lorenz 1996; Lorenz &amp; Emanuel 1998),
 * K variables on a circle:
 * <pre>
 *   dx_k/dt = f(x)_k = (x_{k+1} − x_{k−2})·x_{k−1} − x_k + F,      indices mod K
 *   k1 = f(x),  k2 = f(x + dt/2·k1),  k3 = f(x + dt/2·k2),  k4 = f(x + dt·k3)
 *   x' = x + dt/6·(k1 + 2·k2 + 2·k3 + k4)
 * </pre>
 * State: field {@code x}. Controls: the replicated scalar {@code F} (the forcing) and the field
 * {@code x0} (the initial state, used by {@link Lorenz96Problem}; the step does not read it).
 *
 * <p><b>Distribution.</b> The variables form a K×1 grid split over a P×1 process grid, periodic in x.
 * f<sub>k</sub> reads two variables to its left and one to its right; the ghost layer is 2 wide on both
 * sides because {@link HaloExchange} is symmetric (the extra right column costs one value per message).
 * Every stage input is exchanged before its tendency is evaluated (four exchanges per step), overlapped
 * with the variables that need no ghost.
 *
 * <p><b>Tangent and adjoint.</b> The tangent recomputes the stages from x<sub>n</sub> alongside their
 * tangents (state and tangent travel in one message per stage). The adjoint recomputes the stage inputs
 * y<sub>1</sub> = x, y<sub>2</sub>, y<sub>3</sub>, y<sub>4</sub>, then runs the stages backwards with
 * λ' = λ<sub>n+1</sub>:
 * <pre>
 *   a4 = dt/6·λ'                 ȳ4 = f'(y4)ᵀ a4
 *   a3 = dt/3·λ' + dt·ȳ4         ȳ3 = f'(y3)ᵀ a3
 *   a2 = dt/3·λ' + dt/2·ȳ3       ȳ2 = f'(y2)ᵀ a2
 *   a1 = dt/6·λ' + dt/2·ȳ2       ȳ1 = f'(x)ᵀ a1
 *   λ_n = λ' + ȳ1 + ȳ2 + ȳ3 + ȳ4,      dJ/dF += Σ_k (a1 + a2 + a3 + a4)_k
 * </pre>
 * Each f'(y)<sup>T</sup>a is the transpose of "exchange the ghosts, then evaluate": every a<sub>k</sub> is
 * scattered to the four variables f<sub>k</sub> reads, ghost cells included, and the adjoint halo
 * exchange adds the ghosts' sums to the ranks that own those variables. The model is smooth: there is no
 * non-differentiable point.
 *
 * <p>{@link #prepare} keeps the interface's no-op: no control field has ghost cells, and F is read at
 * every step. Work arrays are allocated in the constructor; steps allocate nothing. Not thread-safe: one
 * stepper per rank.
 */
public final class Lorenz96 implements TangentLinearStepper {

    /** Ghost cells on each side of the block. */
    static final int HALO = 2;

    private final int variables;
    private final double dt;
    private final double half;
    private final double third;
    private final double sixth;
    private final int finalStep;
    private final int nx;
    private final int first;
    private final int end;
    private final int leftEnd;
    private final int rightStart;
    private final FieldLayout stateLayout;
    private final ControlLayout controlLayout;
    private final int forcingIndex;
    private final HaloExchange halo;
    private final double[][] pair = new double[2][];
    private final double[] y2;
    private final double[] y3;
    private final double[] y4;
    private final double[] rate;
    private final double[] sum;
    private final double[] dy2;
    private final double[] dy3;
    private final double[] dy4;
    private final double[] tangentRate;
    private final double[] tangentSum;
    private final double[] stageAdjoint;
    private final double[] inputAdjoint;

    /**
     * A stepper on one rank holding all variables, for runs of any length.
     *
     * @param variables K, at least 4
     * @param dt        time step; fixed (not a control)
     */
    public Lorenz96(int variables, double dt) {
        this(SerialCommunicator.instance(), Decomposition2d.of(checkVariables(variables), 1, ProcessGrid.of(1, 1, true, false)),
                dt, Integer.MAX_VALUE);
    }

    /**
     * This rank's stepper of a decomposed circle of variables.
     *
     * @param comm          the job's ranks
     * @param decomposition a K×1 grid over a P×1 process grid periodic in x, at least 2 variables per rank
     * @param dt            time step; fixed (not a control)
     * @param finalStep     the last step T of a run, reported by {@link #isFinal} to online schedules
     * @throws IllegalArgumentException naming the parameter and value if the grid is not K×1 with K &gt;= 4,
     *         the process grid is not P×1 periodic in x or does not match the communicator, a rank would
     *         hold fewer than 2 variables, dt is not finite and positive, or finalStep &lt; 1
     */
    public Lorenz96(Communicator comm, Decomposition2d decomposition, double dt, int finalStep) {
        if (decomposition.ny() != 1) {
            throw new IllegalArgumentException("lorenz96 needs a K x 1 grid (one row of variables), was "
                    + decomposition.nx() + "x" + decomposition.ny());
        }
        checkVariables(decomposition.nx());
        ProcessGrid grid = decomposition.grid();
        if (grid.py() != 1 || !grid.periodicX() || grid.periodicY()) {
            throw new IllegalArgumentException("lorenz96 is cyclic: the process grid must be P x 1 and periodic in x"
                    + " only, was " + grid);
        }
        if (grid.size() != comm.size()) {
            throw new IllegalArgumentException("process grid " + grid + " has " + grid.size() + " ranks, the job "
                    + comm.size());
        }
        checkSplit(decomposition.nx(), grid.px());
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, was " + dt);
        }
        if (finalStep < 1) {
            throw new IllegalArgumentException("finalStep must be >= 1, was " + finalStep);
        }
        this.variables = decomposition.nx();
        this.dt = dt;
        this.half = 0.5 * dt;
        this.third = dt / 3;
        this.sixth = dt / 6;
        this.finalStep = finalStep;
        Block b = decomposition.block(comm.rank());
        this.nx = b.nx();
        FieldSpec cells = new FieldSpec("x", nx, 1, HALO, 0);
        this.first = cells.index(0, 0);
        this.end = first + nx;
        // f_k needs no ghost for k in [2, nx - 1): the rest waits for the exchange
        this.leftEnd = Math.min(first + 2, end);
        this.rightStart = Math.max(end - 1, leftEnd);
        this.stateLayout = FieldLayout.of(cells);
        this.controlLayout = new ControlLayout(FieldLayout.of(new FieldSpec("x0", nx, 1, 0, 0)), List.of("F"));
        this.forcingIndex = controlLayout.scalarIndex("F");
        this.halo = HaloExchange.builder(comm, decomposition).width(HALO).ghost(HALO).ghostRows(0).build();
        int length = cells.storedLength();
        this.y2 = new double[length];
        this.y3 = new double[length];
        this.y4 = new double[length];
        this.rate = new double[length];
        this.sum = new double[length];
        this.dy2 = new double[length];
        this.dy3 = new double[length];
        this.dy4 = new double[length];
        this.tangentRate = new double[length];
        this.tangentSum = new double[length];
        this.stageAdjoint = new double[length];
        this.inputAdjoint = new double[length];
    }

    /**
     * Checks that K variables split over P ranks leave every rank at least the halo width.
     *
     * @throws IllegalArgumentException naming K, P and the smallest block
     */
    static void checkSplit(int variables, int ranks) {
        if (variables / ranks < HALO) {
            throw new IllegalArgumentException("lorenz96 needs at least " + HALO + " variables per rank (its halo is "
                    + HALO + " wide): K=" + variables + " over " + ranks + " ranks leaves " + variables / ranks
                    + " on some rank");
        }
    }

    private static int checkVariables(int variables) {
        if (variables < 4) {
            throw new IllegalArgumentException("variables must be >= 4, was " + variables);
        }
        return variables;
    }

    /**
     * The number of variables K of the whole circle.
     *
     * @return K, at least 4
     */
    public int variables() {
        return variables;
    }

    /**
     * The time step.
     *
     * @return dt, finite and &gt; 0, in model time units
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
     * x<sub>n+1</sub> from x<sub>n</sub> and F. Collective (four halo exchanges).
     *
     * @param in       x<sub>n</sub>: owned cells read; ghost cells overwritten
     * @param out      x<sub>n+1</sub>: owned cells written
     * @param controls the scalar F read
     */
    @Override
    public void forward(int step, Fields in, Fields out, Controls controls) {
        double[] x = in.get(0);
        double[] next = out.get(0);
        double forcing = controls.scalars()[forcingIndex];
        stageInputs(x, forcing);
        rates(y4, forcing, rate);
        for (int p = first; p < end; p++) {
            next[p] = x[p] + sixth * (sum[p] + rate[p]);
        }
    }

    /**
     * δx<sub>n+1</sub> from δx<sub>n</sub> and δF, linearised at x<sub>n</sub> and F. Collective (four
     * exchanges of state and tangent together).
     *
     * @param in               x<sub>n</sub>: owned cells read; ghost cells overwritten
     * @param tangentIn        δx<sub>n</sub>: owned cells read; ghost cells overwritten
     * @param tangentOut       δx<sub>n+1</sub>: owned cells written
     * @param controls         the scalar F read
     * @param controlDirection the scalar δF read (δx0 does not enter a step)
     */
    @Override
    public void tangent(int step, Fields in, Fields tangentIn, Fields tangentOut, Controls controls, Controls controlDirection) {
        double[] x = in.get(0);
        double[] dx = tangentIn.get(0);
        double[] next = tangentOut.get(0);
        double forcing = controls.scalars()[forcingIndex];
        double dForcing = controlDirection.scalars()[forcingIndex];
        tangentRates(x, dx, forcing, dForcing);
        for (int p = first; p < end; p++) {
            tangentSum[p] = tangentRate[p];
            y2[p] = x[p] + half * rate[p];
            dy2[p] = dx[p] + half * tangentRate[p];
        }
        tangentRates(y2, dy2, forcing, dForcing);
        for (int p = first; p < end; p++) {
            tangentSum[p] += 2 * tangentRate[p];
            y3[p] = x[p] + half * rate[p];
            dy3[p] = dx[p] + half * tangentRate[p];
        }
        tangentRates(y3, dy3, forcing, dForcing);
        for (int p = first; p < end; p++) {
            tangentSum[p] += 2 * tangentRate[p];
            y4[p] = x[p] + dt * rate[p];
            dy4[p] = dx[p] + dt * tangentRate[p];
        }
        tangentRates(y4, dy4, forcing, dForcing);
        for (int p = first; p < end; p++) {
            next[p] = dx[p] + sixth * (tangentSum[p] + tangentRate[p]);
        }
    }

    /**
     * λ<sub>n</sub> from λ<sub>n+1</sub>, and the F gradient, by the reversed stages (see the class
     * comment). Collective (four forward and four adjoint exchanges).
     *
     * @param in       x<sub>n</sub>: owned cells read; ghost cells overwritten
     * @param adjOut   λ<sub>n+1</sub>: owned cells read
     * @param adjIn    λ<sub>n</sub>: owned cells written
     * @param controls the scalar F read
     * @param gradient this rank's share of dJ/dF added to the scalar F
     */
    @Override
    public void adjoint(int step, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient) {
        double[] x = in.get(0);
        double[] lam = adjOut.get(0);
        double[] result = adjIn.get(0);
        double forcing = controls.scalars()[forcingIndex];
        stageInputs(x, forcing);
        halo.exchange(y4);
        for (int p = first; p < end; p++) {
            result[p] = lam[p];
            stageAdjoint[p] = sixth * lam[p];
        }
        double forcingGradient = transposeRates(y4);
        for (int p = first; p < end; p++) {
            result[p] += inputAdjoint[p];
            stageAdjoint[p] = third * lam[p] + dt * inputAdjoint[p];
        }
        forcingGradient += transposeRates(y3);
        for (int p = first; p < end; p++) {
            result[p] += inputAdjoint[p];
            stageAdjoint[p] = third * lam[p] + half * inputAdjoint[p];
        }
        forcingGradient += transposeRates(y2);
        for (int p = first; p < end; p++) {
            result[p] += inputAdjoint[p];
            stageAdjoint[p] = sixth * lam[p] + half * inputAdjoint[p];
        }
        forcingGradient += transposeRates(x);
        for (int p = first; p < end; p++) {
            result[p] += inputAdjoint[p];
        }
        gradient.scalars()[forcingIndex] += forcingGradient;
    }

    /** The run ends at step T, for online schedules that do not know T. */
    @Override
    public boolean isFinal(int step, Fields state, Controls controls) {
        return step >= finalStep;
    }

    /**
     * The stage inputs y2, y3, y4 from x's owned cells, and sum = k1 + 2·k2 + 2·k3; the ghosts of x, y2
     * and y3 are filled on return, y4's are not.
     */
    private void stageInputs(double[] x, double forcing) {
        rates(x, forcing, rate);
        for (int p = first; p < end; p++) {
            sum[p] = rate[p];
            y2[p] = x[p] + half * rate[p];
        }
        rates(y2, forcing, rate);
        for (int p = first; p < end; p++) {
            sum[p] += 2 * rate[p];
            y3[p] = x[p] + half * rate[p];
        }
        rates(y3, forcing, rate);
        for (int p = first; p < end; p++) {
            sum[p] += 2 * rate[p];
            y4[p] = x[p] + dt * rate[p];
        }
    }

    /** out = f(y) on the owned cells, y's ghosts exchanged meanwhile. */
    private void rates(double[] y, double forcing, double[] out) {
        halo.start(y);
        Lorenz96Tendency.rates(leftEnd, rightStart, y, forcing, out);
        halo.finish();
        Lorenz96Tendency.rates(first, leftEnd, y, forcing, out);
        Lorenz96Tendency.rates(rightStart, end, y, forcing, out);
    }

    /** rate = f(y) and tangentRate = f'(y)·dy + δF on the owned cells, y's and dy's ghosts exchanged together. */
    private void tangentRates(double[] y, double[] dy, double forcing, double dForcing) {
        pair[0] = y;
        pair[1] = dy;
        halo.start(pair);
        Lorenz96Tendency.rates(leftEnd, rightStart, y, forcing, rate);
        Lorenz96Tendency.tangentRates(leftEnd, rightStart, y, dy, dForcing, tangentRate);
        halo.finish();
        Lorenz96Tendency.rates(first, leftEnd, y, forcing, rate);
        Lorenz96Tendency.tangentRates(first, leftEnd, y, dy, dForcing, tangentRate);
        Lorenz96Tendency.rates(rightStart, end, y, forcing, rate);
        Lorenz96Tendency.tangentRates(rightStart, end, y, dy, dForcing, tangentRate);
        pair[0] = null;
        pair[1] = null;
    }

    /**
     * inputAdjoint = f'(y)<sup>T</sup>·stageAdjoint on the owned cells: scattered locally, ghosts sent
     * back to their owners by the adjoint exchange. y's ghosts must be filled.
     *
     * @return this rank's Σ stageAdjoint, the stage's share of dJ/dF
     */
    private double transposeRates(double[] y) {
        Arrays.fill(inputAdjoint, 0.0);
        double forcing = Lorenz96Tendency.addTransposeRates(first, end, y, stageAdjoint, inputAdjoint);
        halo.adjoint(inputAdjoint);
        return forcing;
    }

    @Override
    public String toString() {
        return "lorenz96(K=" + variables + ", dt=" + dt + ", block of " + nx + ")";
    }
}
