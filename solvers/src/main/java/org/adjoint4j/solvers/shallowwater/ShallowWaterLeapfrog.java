package org.adjoint4j.solvers.shallowwater;

import static org.adjoint4j.solvers.shallowwater.ShallowWaterOperator.Cells.EDGES;
import static org.adjoint4j.solvers.shallowwater.ShallowWaterOperator.Cells.INTERIOR;

import java.util.Objects;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TangentLinearStepper;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;

/**
 * One step of the two-dimensional shallow-water equations (the equations and the C-grid
 * discretisation of {@link ShallowWaterRk3}) with the leapfrog scheme and a Robert–Asselin filter of
 * coefficient ν:
 * <pre>
 *   q_{n+1} = q̄_{n−1} + 2dt·R(q_n)                          (bottom drag evaluated at q̄_{n−1})
 *   q̄_n    = q_n + ν·(q̄_{n−1} − 2q_n + q_{n+1})             (the filter)
 * </pre>
 * The state holds two time levels: the current one (fields {@code eta}, {@code u}, {@code v}) and
 * the previous, filtered one ({@code eta_previous}, {@code u_previous}, {@code v_previous}); a step maps
 * (q<sub>n</sub>, q̄<sub>n−1</sub>) to (q<sub>n+1</sub>, q̄<sub>n</sub>). The filter is part of the
 * discrete map that is differentiated. The drag is lagged to the previous level, as leapfrog models do
 * with damping terms, which a centred leapfrog step would amplify.
 *
 * <p><b>Start.</b> Step 0 is a forward-Euler step from the initial condition:
 * q<sub>1</sub> = q<sub>0</sub> + dt·R(q<sub>0</sub>) and q̄<sub>0</sub> = q<sub>0</sub>; it ignores the
 * previous level of its input, which the initial state sets equal to the current one.
 *
 * <p><b>Stability.</b> For the linear gravity waves, with C = c·dt·√(1/dx² + 1/dy²),
 * c = √(g·max D): C &lt; ½ without the filter, and less with it ({@link ShallowWaterIntegrator#courantLimit}:
 * about 0.452 for ν = 0.1).
 *
 * <p><b>Tangent and adjoint.</b> The tangent differentiates the same update and filter. The adjoint
 * of step n ≥ 1, given (λ<sub>n+1</sub>, λ̄<sub>n</sub>): μ = λ<sub>n+1</sub> + ν·λ̄<sub>n</sub> is the
 * total adjoint of q<sub>n+1</sub> (the filter reads it); then λ<sub>n</sub> = (1 − 2ν)·λ̄<sub>n</sub> +
 * 2dt·(∂R/∂q)<sup>T</sup>μ and λ̄<sub>n−1</sub> = ν·λ̄<sub>n</sub> + μ + 2dt·(drag part)<sup>T</sup>μ, the
 * contributions to ghost cells sent home by the halo exchange's adjoint; the bathymetry and drag
 * gradients get 2dt·(∂R/∂m)<sup>T</sup>μ. The adjoint of step 0 is that of the Euler step plus
 * λ̄<sub>0</sub> (since q̄<sub>0</sub> = q<sub>0</sub>), and its λ̄<sub>−1</sub> is zero. Nothing needs
 * recomputing but the ghosts of q<sub>n</sub>.
 *
 * <p>Work arrays are allocated by the constructor; steps allocate nothing. Not thread-safe: one
 * stepper per rank.
 */
public final class ShallowWaterLeapfrog implements TangentLinearStepper {

    /** The default Robert–Asselin coefficient ν. */
    public static final double DEFAULT_ASSELIN = 0.1;

    private final ShallowWaterOperator op;
    private final ShallowWaterParameters parameters;
    private final double dt;
    private final double asselin;
    private final int finalStep;
    private final FieldLayout stateLayout;
    private final ControlLayout controlLayout;
    private final String description;

    // views of the caller's fields, re-pointed per call
    private final Level current = new Level();
    private final Level previous = new Level();
    private final Level nextCurrent = new Level();
    private final Level nextPrevious = new Level();
    private final Level tangentCurrent = new Level();
    private final Level tangentPrevious = new Level();
    private final Level adjointCurrent = new Level();
    private final Level adjointPrevious = new Level();
    private final Level adjointNextCurrent = new Level();
    private final Level adjointNextPrevious = new Level();
    /** The total adjoint of q_{n+1}. */
    private final Level total;

    /**
     * This rank's stepper.
     *
     * @param comm          the job's ranks
     * @param decomposition the nx × ny grid over the job's process grid; its periodic directions are
     *                      periodic, the others closed by walls
     * @param parameters    domain, gravity, Coriolis parameter and time step
     * @param asselin       the Robert–Asselin coefficient ν, in [0, 0.5) ({@link #DEFAULT_ASSELIN})
     * @param finalStep     the last step T of a run, reported by {@link #isFinal} to online schedules
     * @throws IllegalArgumentException naming the parameter if the grid has fewer than 2 cells in a
     *         direction, the communicator does not match the decomposition, ν is outside [0, 0.5) or
     *         finalStep is below 1
     */
    public ShallowWaterLeapfrog(Communicator comm, Decomposition2d decomposition, ShallowWaterParameters parameters,
                                double asselin, int finalStep) {
        if (!(asselin >= 0 && asselin < 0.5)) {
            throw new IllegalArgumentException("asselin must be in [0, 0.5), was " + asselin);
        }
        if (finalStep < 1) {
            throw new IllegalArgumentException("finalStep must be >= 1, was " + finalStep);
        }
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.op = new ShallowWaterOperator(comm, decomposition, parameters);
        this.dt = parameters.timeStep();
        this.asselin = asselin;
        this.finalStep = finalStep;
        this.stateLayout = FieldLayout.of(op.spec("eta"), op.spec("u"), op.spec("v"), op.spec("eta_previous"),
                op.spec("u_previous"), op.spec("v_previous"));
        this.controlLayout = op.controlLayout();
        this.total = new Level(op.spec("eta").storedLength());
        this.description = "shallow-water leapfrog(" + decomposition + ", " + parameters + ", asselin=" + asselin + ")";
    }

    /**
     * The parameters.
     *
     * @return the domain, gravity, Coriolis parameter and time step given to the constructor
     */
    public ShallowWaterParameters parameters() {
        return parameters;
    }

    /**
     * The time step.
     *
     * @return dt, the parameters' time step; a leapfrog step spans 2dt from q̄<sub>n−1</sub>
     */
    public double dt() {
        return dt;
    }

    /**
     * The Robert–Asselin coefficient ν.
     *
     * @return ν, in [0, 0.5); 0 means no filter
     */
    public double asselin() {
        return asselin;
    }

    @Override
    public FieldLayout stateLayout() {
        return stateLayout;
    }

    @Override
    public ControlLayout controlLayout() {
        return controlLayout;
    }

    /** Fills the ghosts of the bathymetry and drag fields and caches their face values. Collective. */
    @Override
    public void prepare(Controls controls) {
        op.prepare(controls);
    }

    @Override
    public void forward(int n, Fields in, Fields out, Controls controls) {
        Level q = current.view(in, 0);
        Level p = previous.view(in, 3);
        Level qNext = nextCurrent.view(out, 0);
        Level pNext = nextPrevious.view(out, 3);
        op.startExchange(q);
        if (n == 0) {
            op.stage(0, q, 1, q, q, dt, qNext, INTERIOR);
            op.finishExchange();
            op.stage(0, q, 1, q, q, dt, qNext, EDGES);
            op.combine(1, q, 0, q, 0, q, pNext);
            return;
        }
        op.stage(1, p, 0, q, p, 2 * dt, qNext, INTERIOR);
        op.finishExchange();
        op.stage(1, p, 0, q, p, 2 * dt, qNext, EDGES);
        op.combine(1 - 2 * asselin, q, asselin, p, asselin, qNext, pNext);
    }

    @Override
    public void tangent(int n, Fields in, Fields tangentIn, Fields tangentOut, Controls controls,
                        Controls controlDirection) {
        op.prepareDirection(controlDirection);
        Level q = current.view(in, 0);
        Level p = previous.view(in, 3);
        Level dq = tangentCurrent.view(tangentIn, 0);
        Level dp = tangentPrevious.view(tangentIn, 3);
        Level dqNext = nextCurrent.view(tangentOut, 0);
        Level dpNext = nextPrevious.view(tangentOut, 3);
        op.startExchange(q, dq);
        if (n == 0) {
            op.stageTangent(0, dq, 1, q, dq, q, dq, dt, dqNext, INTERIOR);
            op.finishExchange();
            op.stageTangent(0, dq, 1, q, dq, q, dq, dt, dqNext, EDGES);
            op.combine(1, dq, 0, dq, 0, dq, dpNext);
            return;
        }
        op.stageTangent(1, dp, 0, q, dq, p, dp, 2 * dt, dqNext, INTERIOR);
        op.finishExchange();
        op.stageTangent(1, dp, 0, q, dq, p, dp, 2 * dt, dqNext, EDGES);
        op.combine(1 - 2 * asselin, dq, asselin, dp, asselin, dqNext, dpNext);
    }

    @Override
    public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient) {
        Level q = current.view(in, 0);
        Level p = previous.view(in, 3);
        Level muNext = adjointNextCurrent.view(adjOut, 0);
        Level muPrevious = adjointNextPrevious.view(adjOut, 3);
        Level lambda = adjointCurrent.view(adjIn, 0);
        Level lambdaPrevious = adjointPrevious.view(adjIn, 3);
        op.startExchange(q);
        lambda.zero();
        lambdaPrevious.zero();
        if (n == 0) {
            op.finishExchange();
            op.stageAdjoint(0, lambda, 1, q, lambda, q, lambda, dt, muNext);
            op.addScaled(1, muPrevious, lambda);
        } else {
            // the filter reads q_{n+1}: its total adjoint is λ_{n+1} + ν·λ̄_n
            op.combine(1, muNext, asselin, muPrevious, 0, muPrevious, total);
            op.finishExchange();
            op.stageAdjoint(1, lambdaPrevious, 0, q, lambda, p, lambdaPrevious, 2 * dt, total);
            op.addScaled(1 - 2 * asselin, muPrevious, lambda);
            op.addScaled(asselin, muPrevious, lambdaPrevious);
        }
        op.finishAdjoint(lambda, gradient);
    }

    /** The run ends at step T, for online schedules that do not know T. */
    @Override
    public boolean isFinal(int n, Fields state, Controls controls) {
        return n >= finalStep;
    }

    @Override
    public String toString() {
        return description;
    }
}
