package org.adjoint4j.examples.estimate;

import org.adjoint4j.adjoint.Controls;

/**
 * A term R(m) of the cost that depends on the controls alone, such as a regularisation or a
 * background term. Both methods are collective over the ranks the controls are spread over.
 */
public interface Penalty {

    /**
     * R(m), the same on every rank. {@code controls} is read, not modified (ghost cells may be filled).
     *
     * @param controls this rank's part of the point m
     * @return R(m), globally reduced, at least 0 for the penalties in this package
     */
    double value(Controls controls);

    /**
     * Adds ∂R/∂m to {@code gradient}: to this rank's owned cells of control fields, and the whole
     * derivative to replicated scalars on every rank.
     *
     * @param controls read, not modified (ghost cells may be filled)
     * @param gradient accumulated into
     */
    void addGradient(Controls controls, Controls gradient);

    /**
     * A short description, e.g. "smoothness of kappa, weight 1e-3".
     *
     * @return the term's kind, control and weight, one line
     */
    String describe();
}
