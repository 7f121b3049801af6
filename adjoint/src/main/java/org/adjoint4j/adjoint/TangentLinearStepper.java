package org.adjoint4j.adjoint;

/**
 * A time stepper that also provides its tangent-linear step, the derivative of the step applied to a
 * direction. The adjoint step must be its exact transpose, which {@link
 * org.adjoint4j.adjoint.verify.DotProductTest} then checks to rounding error rather than to the
 * truncation error of finite differences; {@link org.adjoint4j.adjoint.verify.TangentLinearTest}
 * checks the tangent itself against the step.
 *
 * <p>Not used to compute gradients: the driver needs only {@link #forward} and {@link #adjoint}.
 */
public interface TangentLinearStepper extends TimeStepper {

    /**
     * Computes δu<sub>n+1</sub> = (∂F<sub>n</sub>/∂u) δu<sub>n</sub> + (∂F<sub>n</sub>/∂m) δm,
     * linearised at (u<sub>n</sub>, m). Intermediate values of the step are recomputed from {@code in}.
     * Called after {@link #prepare} with {@code controls}; a collective call like {@link #forward}.
     *
     * @param n                step index
     * @param in               u<sub>n</sub>: owned cells read, not modified; ghost cells may be overwritten
     * @param tangentIn        δu<sub>n</sub>: owned cells read, not modified; ghost cells may be overwritten
     * @param tangentOut       δu<sub>n+1</sub>: owned cells written (ghost cells unspecified on return);
     *                         never the same object as {@code tangentIn}
     * @param controls         m: read, not modified
     * @param controlDirection δm: owned cells and scalars read, not modified; ghost cells of control
     *                         fields may be overwritten (the step fills them as {@link #prepare} does for m)
     */
    void tangent(int n, Fields in, Fields tangentIn, Fields tangentOut, Controls controls, Controls controlDirection);
}
