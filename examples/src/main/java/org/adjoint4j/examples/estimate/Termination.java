package org.adjoint4j.examples.estimate;

/** Why an optimisation stopped. */
public enum Termination {
    /** The gradient norm fell below the tolerance times its value at the start. */
    GRADIENT_TOLERANCE("the gradient norm fell below the tolerance"),
    /** J decreased by less than the relative tolerance in one iteration. */
    VALUE_TOLERANCE("J stopped decreasing (relative change below the tolerance)"),
    /** The iteration limit was reached. */
    MAX_ITERATIONS("the iteration limit was reached"),
    /** No step along the search direction decreased J enough; usually J is at its minimum to rounding. */
    LINE_SEARCH_FAILED("the line search found no acceptable step");

    private final String description;

    Termination(String description) {
        this.description = description;
    }

    /**
     * A sentence saying why the optimiser stopped.
     *
     * @return a lower-case clause without a final full stop, for reports
     */
    public String description() {
        return description;
    }
}
