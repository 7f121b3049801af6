package org.adjoint4j.solvers.linear;

/**
 * An iterative solve that did not reach its tolerance. Every rank of the job sees the same global
 * residual, so every rank throws it at the same solve.
 */
public final class NotConvergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The time step the failed solve belongs to. */
    private final int step;
    /** Iterations done before the solver stopped. */
    private final int iterations;
    /** The relative residual ‖b − A·x‖ / ‖b‖ when the solver stopped; NaN if it was not finite. */
    private final double relativeResidual;

    /**
     * @param message          names the solve, the step, the residual and the limit that was hit
     * @param step             the time step the solve belongs to
     * @param iterations       iterations done
     * @param relativeResidual ‖b − A·x‖ / ‖b‖ when the solver stopped (NaN if the residual was not finite)
     */
    NotConvergedException(String message, int step, int iterations, double relativeResidual) {
        super(message);
        this.step = step;
        this.iterations = iterations;
        this.relativeResidual = relativeResidual;
    }

    /**
     * The time step the failed solve belongs to.
     *
     * @return the step index passed to the solve
     */
    public int step() {
        return step;
    }

    /**
     * Iterations done before the solver stopped.
     *
     * @return the number of completed iterations, 0 up to the solver's maximum
     */
    public int iterations() {
        return iterations;
    }

    /**
     * The relative residual ‖b − A·x‖ / ‖b‖ when the solver stopped.
     *
     * @return the recursively updated residual norm over ‖b‖; NaN if the residual was not finite
     */
    public double relativeResidual() {
        return relativeResidual;
    }
}
