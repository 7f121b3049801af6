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
 * One step of the two-dimensional shallow-water equations with the three-stage strong-stability-
 * preserving Runge–Kutta scheme (SSP-RK3, Shu &amp; Osher 1988):
 * <pre>
 *   ∂η/∂t + ∂(Hu)/∂x + ∂(Hv)/∂y = 0,                 H = D + η
 *   ∂u/∂t − f v = −g ∂η/∂x − r u
 *   ∂v/∂t + f u = −g ∂η/∂y − r v,                    f = f0 + β(y − Ly/2)
 * </pre>
 * with η the free-surface elevation, D the resting depth (bathymetry), r a linear bottom-drag rate and
 * no momentum advection. Space is discretised on an Arakawa C grid (η at cell centres, u on west
 * faces, v on south faces), each direction periodic or closed by walls as the decomposition's process
 * grid says; the flux H·u uses the mean of the two cells' depths, the Coriolis term the four-point
 * mean of the other velocity ({@link ShallowWaterOperator} has the stencils). In time, with R the
 * discrete tendency:
 * <pre>
 *   q1 = q + dt·R(q),   q2 = ¾q + ¼(q1 + dt·R(q1)),   q' = ⅓q + ⅔(q2 + dt·R(q2))
 * </pre>
 * Stable for the linear gravity waves while c·dt·√(1/dx² + 1/dy²) ≤ √3/2, c = √(g·max D).
 *
 * <p>State: fields {@code eta}, {@code u}, {@code v} (one time level; wall faces hold zero). Controls:
 * fields {@code bathymetry} (D), {@code eta0} (the initial elevation, used by the initial state) and
 * {@code drag} (r), at cell centres; D and r are averaged to the faces where they are needed.
 *
 * <p><b>Tangent and adjoint.</b> Both recompute q1 and q2 from q<sub>n</sub>. The adjoint runs the
 * stages backwards, each the exact transpose of its tangent: λ2 from λ', then λ1, then λ<sub>n</sub>,
 * sending the contributions that land on ghost cells to their owners with the halo exchange's adjoint
 * after each stage, and adds the bathymetry and drag sensitivities of all three stages to the gradient.
 * The step is a polynomial in (q, D, r), so the tangent is exact and there is no non-differentiable
 * point.
 *
 * <p>Each call exchanges each stage's ghosts once, overlapped with the interior cells; work arrays are
 * allocated by the constructor, steps allocate nothing. Not thread-safe: one stepper per rank.
 */
public final class ShallowWaterRk3 implements TangentLinearStepper {

    private static final double THIRD = 1.0 / 3.0;
    private static final double TWO_THIRDS = 2.0 / 3.0;

    private final ShallowWaterOperator op;
    private final ShallowWaterParameters parameters;
    private final double dt;
    private final int finalStep;
    private final FieldLayout stateLayout;
    private final ControlLayout controlLayout;
    private final String description;

    // views of the caller's fields, re-pointed per call
    private final Level level = new Level();
    private final Level next = new Level();
    private final Level tangentLevel = new Level();
    private final Level tangentNext = new Level();
    private final Level adjointNext = new Level();
    private final Level adjointLevel = new Level();
    private final Level stage1;
    private final Level stage2;
    private final Level tangent1;
    private final Level tangent2;
    private final Level adjoint1;
    private final Level adjoint2;

    /**
     * This rank's stepper.
     *
     * @param comm          the job's ranks
     * @param decomposition the nx × ny grid over the job's process grid; its periodic directions are
     *                      periodic, the others closed by walls
     * @param parameters    domain, gravity, Coriolis parameter and time step
     * @param finalStep     the last step T of a run, reported by {@link #isFinal} to online schedules
     * @throws IllegalArgumentException naming the parameter if the grid has fewer than 2 cells in a
     *         direction, the communicator does not match the decomposition, or finalStep is below 1
     */
    public ShallowWaterRk3(Communicator comm, Decomposition2d decomposition, ShallowWaterParameters parameters,
                           int finalStep) {
        if (finalStep < 1) {
            throw new IllegalArgumentException("finalStep must be >= 1, was " + finalStep);
        }
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.op = new ShallowWaterOperator(comm, decomposition, parameters);
        this.dt = parameters.timeStep();
        this.finalStep = finalStep;
        this.stateLayout = FieldLayout.of(op.spec("eta"), op.spec("u"), op.spec("v"));
        this.controlLayout = op.controlLayout();
        int length = op.spec("eta").storedLength();
        this.stage1 = new Level(length);
        this.stage2 = new Level(length);
        this.tangent1 = new Level(length);
        this.tangent2 = new Level(length);
        this.adjoint1 = new Level(length);
        this.adjoint2 = new Level(length);
        this.description = "shallow-water RK3(" + decomposition + ", " + parameters + ")";
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
     * @return dt, the parameters' time step
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

    /** Fills the ghosts of the bathymetry and drag fields and caches their face values. Collective. */
    @Override
    public void prepare(Controls controls) {
        op.prepare(controls);
    }

    @Override
    public void forward(int n, Fields in, Fields out, Controls controls) {
        level.view(in, 0);
        next.view(out, 0);
        advance(level, next);
    }

    /** q1 and q2 into the stage buffers and, if {@code out} is not null, q' into it. */
    private void advance(Level q, Level out) {
        op.startExchange(q);
        op.stage(0, q, 1, q, q, dt, stage1, INTERIOR);
        op.finishExchange();
        op.stage(0, q, 1, q, q, dt, stage1, EDGES);
        op.startExchange(stage1);
        op.stage(0.75, q, 0.25, stage1, stage1, 0.25 * dt, stage2, INTERIOR);
        op.finishExchange();
        op.stage(0.75, q, 0.25, stage1, stage1, 0.25 * dt, stage2, EDGES);
        op.startExchange(stage2);
        if (out != null) {
            op.stage(THIRD, q, TWO_THIRDS, stage2, stage2, TWO_THIRDS * dt, out, INTERIOR);
        }
        op.finishExchange();
        if (out != null) {
            op.stage(THIRD, q, TWO_THIRDS, stage2, stage2, TWO_THIRDS * dt, out, EDGES);
        }
    }

    @Override
    public void tangent(int n, Fields in, Fields tangentIn, Fields tangentOut, Controls controls,
                        Controls controlDirection) {
        op.prepareDirection(controlDirection);
        Level q = level.view(in, 0);
        Level dq = tangentLevel.view(tangentIn, 0);
        Level dOut = tangentNext.view(tangentOut, 0);
        op.startExchange(q, dq);
        op.stage(0, q, 1, q, q, dt, stage1, INTERIOR);
        op.stageTangent(0, dq, 1, q, dq, q, dq, dt, tangent1, INTERIOR);
        op.finishExchange();
        op.stage(0, q, 1, q, q, dt, stage1, EDGES);
        op.stageTangent(0, dq, 1, q, dq, q, dq, dt, tangent1, EDGES);
        op.startExchange(stage1, tangent1);
        op.stage(0.75, q, 0.25, stage1, stage1, 0.25 * dt, stage2, INTERIOR);
        op.stageTangent(0.75, dq, 0.25, stage1, tangent1, stage1, tangent1, 0.25 * dt, tangent2, INTERIOR);
        op.finishExchange();
        op.stage(0.75, q, 0.25, stage1, stage1, 0.25 * dt, stage2, EDGES);
        op.stageTangent(0.75, dq, 0.25, stage1, tangent1, stage1, tangent1, 0.25 * dt, tangent2, EDGES);
        op.startExchange(stage2, tangent2);
        op.stageTangent(THIRD, dq, TWO_THIRDS, stage2, tangent2, stage2, tangent2, TWO_THIRDS * dt, dOut, INTERIOR);
        op.finishExchange();
        op.stageTangent(THIRD, dq, TWO_THIRDS, stage2, tangent2, stage2, tangent2, TWO_THIRDS * dt, dOut, EDGES);
    }

    @Override
    public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient) {
        Level q = level.view(in, 0);
        advance(q, null);
        Level mu = adjointNext.view(adjOut, 0);
        Level lambda = adjointLevel.view(adjIn, 0);
        lambda.zero();
        adjoint2.zero();
        adjoint1.zero();
        op.stageAdjoint(THIRD, lambda, TWO_THIRDS, stage2, adjoint2, stage2, adjoint2, TWO_THIRDS * dt, mu);
        op.adjointExchange(adjoint2);
        op.stageAdjoint(0.75, lambda, 0.25, stage1, adjoint1, stage1, adjoint1, 0.25 * dt, adjoint2);
        op.adjointExchange(adjoint1);
        op.stageAdjoint(0, lambda, 1, q, lambda, q, lambda, dt, adjoint1);
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
