package org.adjoint4j.solvers.linear;

/**
 * A linear map y = A·x of this rank's block of a distributed field, such as a matrix-free stencil. A
 * collective call when A couples neighbouring blocks (the implementation exchanges x's ghost cells).
 * Arrays are flat fields laid out as the solver's {@code FieldSpec} says, ghost cells included.
 */
@FunctionalInterface
public interface LinearOperator {

    /**
     * Computes y = A·x.
     *
     * @param x owned cells read, not modified; ghost cells may be overwritten
     * @param y owned cells written; never the same array as {@code x}
     */
    void apply(double[] x, double[] y);
}
