package org.adjoint4j.adjoint;

/**
 * A computation produced NaN or infinity. The message names where: the phase, the step, the rank
 * and, when known, the field and cell. No gradient is returned in that case.
 */
public final class NonFiniteValueException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /** Where in a gradient computation the value appeared. */
    public enum Phase {
        /** The initial state u<sub>0</sub> = I(m). */
        INITIAL_STATE,
        /** A forward step's output u<sub>n+1</sub>. */
        FORWARD_STEP,
        /** An objective term's value or its gradient. */
        OBJECTIVE,
        /** An adjoint step's output λ<sub>n</sub> or its control-gradient contribution. */
        ADJOINT_STEP,
        /** The final value or gradient, when no earlier check located the cause. */
        RESULT
    }

    /** Where in the computation the value appeared. */
    private final Phase phase;
    /** The step of the forward or adjoint step or of the objective term, or -1 if not known. */
    private final int step;
    /** The rank that holds the value, or -1 if unknown. */
    private final int rank;

    /**
     * A non-finite value found at a known place.
     *
     * @param phase   where it appeared
     * @param step    the step: of the forward or adjoint step, of the objective term, or -1
     * @param rank    the rank that holds the value, or -1 if unknown
     * @param message the full message
     */
    public NonFiniteValueException(Phase phase, int step, int rank, String message) {
        super(message);
        this.phase = phase;
        this.step = step;
        this.rank = rank;
    }

    /**
     * Where it appeared.
     *
     * @return the phase of the gradient computation
     */
    public Phase phase() {
        return phase;
    }

    /**
     * The step, or -1.
     *
     * @return the index of the forward or adjoint step or of the objective term; -1 if the value
     *         could not be located to one step
     */
    public int step() {
        return step;
    }

    /**
     * The rank holding the value, or -1 if unknown.
     *
     * @return the rank, {@code 0 <= rank < size}, or -1
     */
    public int rank() {
        return rank;
    }
}
