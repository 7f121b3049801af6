/**
 * Iterative linear solvers over distributed fields: a {@link org.adjoint4j.solvers.linear.LinearOperator}
 * applied block by block (with halo exchanges) and the preconditioned
 * {@link org.adjoint4j.solvers.linear.ConjugateGradient} method, whose inner products are summed over
 * the ranks.
 */
package org.adjoint4j.solvers.linear;
