package org.adjoint4j.adjoint;

import org.adjoint4j.mpi.Communicator;

/**
 * The objective as a function of the controls alone, J(m), with its gradient: what optimisers and
 * the Taylor test consume. Every method is collective over {@link #communicator()}.
 */
public interface ReducedFunctional {

    /** The layout of the controls. */
    ControlLayout controlLayout();

    /** The ranks over which values and inner products are reduced. */
    Communicator communicator();

    /** J(m), the same on every rank. */
    double value(Controls controls);

    /** J(m) and its gradient. */
    GradientResult gradient(Controls controls);
}
