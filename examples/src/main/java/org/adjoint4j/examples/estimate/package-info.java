/**
 * Parameter estimation with adjoint gradients: gradient-based optimisers that work on distributed
 * controls ({@link org.adjoint4j.examples.estimate.Lbfgs}, and Apache Commons Math's nonlinear
 * conjugate gradient through {@link org.adjoint4j.examples.estimate.NonlinearConjugateGradient}),
 * regularisation terms, and the parts of a twin experiment: observations synthesised from known
 * controls and the misfit to them.
 */
package org.adjoint4j.examples.estimate;
