package org.adjoint4j.adjoint;

import org.adjoint4j.mpi.Communicator;

/**
 * The objective as a function of the controls alone, J(m), with its gradient: what optimisers and
 * the Taylor test consume. Every method is collective over {@link #communicator()}.
 */
public interface ReducedFunctional {

    /**
     * The layout of the controls.
     *
     * @return the layout that every {@link Controls} given to {@link #value} and {@link #gradient} must have
     */
    ControlLayout controlLayout();

    /**
     * The ranks over which values and inner products are reduced.
     *
     * @return the communicator over which every method is collective
     */
    Communicator communicator();

    /**
     * J(m), the same on every rank.
     *
     * @param controls m: this rank's block of the control fields and the replicated scalars (the same
     *                 on every rank); read, not modified
     * @return J(m), summed over ranks
     */
    double value(Controls controls);

    /**
     * J(m) and its gradient.
     *
     * @param controls m: this rank's block of the control fields and the replicated scalars (the same
     *                 on every rank); read, not modified
     * @return J(m), dJ/dm and the other results of the computation, in arrays the caller owns
     */
    GradientResult gradient(Controls controls);
}
