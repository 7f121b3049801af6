package org.adjoint4j.examples.estimate;

import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.ReducedFunctional;

/**
 * A gradient-based minimiser of J(m). It runs on every rank of the functional's communicator in
 * lockstep: every decision depends only on globally reduced values (J, inner products), so all ranks
 * take the same steps.
 */
public interface Optimizer {

    /**
     * Minimises {@code functional} from {@code start}. A collective call.
     *
     * @param functional J(m) and its gradient; its communicator's ranks all call this method
     * @param start    the first guess: read, not modified
     * @param listener told of the start and of every accepted iterate, on every rank
     * @return the last accepted point, its value and gradient norm, and why the optimiser stopped
     * @throws org.adjoint4j.adjoint.NonFiniteValueException if J or its gradient is not finite at the start
     */
    OptimizationResult minimize(ReducedFunctional functional, Controls start, IterationListener listener);

    /**
     * The optimiser's name and settings, one line.
     *
     * @return a human-readable description for reports, without a line break
     */
    String describe();
}
