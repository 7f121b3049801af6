package org.adjoint4j.examples.estimate;

/** Receives the iterates of an {@link Optimizer}: iteration 0 is the start. */
@FunctionalInterface
public interface IterationListener {

    /** A listener that ignores everything. */
    IterationListener NONE = iterate -> { };

    /** Called on every rank with the same values; {@code iterate.controls()} must not be modified. */
    void iterate(Iterate iterate);
}
