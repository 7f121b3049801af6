package org.adjoint4j.examples.estimate;

/** Receives the iterates of an {@link Optimizer}: iteration 0 is the start. */
@FunctionalInterface
public interface IterationListener {

    /** A listener that ignores everything. */
    IterationListener NONE = iterate -> { };

    /**
     * Called on every rank with the same values; {@code iterate.controls()} must not be modified.
     *
     * @param iterate the accepted point; its controls are valid only during the call
     */
    void iterate(Iterate iterate);
}
