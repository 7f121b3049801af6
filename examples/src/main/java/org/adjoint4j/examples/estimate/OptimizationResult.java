package org.adjoint4j.examples.estimate;

import org.adjoint4j.adjoint.Controls;

/**
 * The outcome of an optimisation.
 *
 * @param controls            the last accepted point, this rank's part (the caller's copy)
 * @param value               J there
 * @param gradientNorm        the global 2-norm of the gradient there
 * @param iterations          accepted iterations
 * @param termination         why it stopped
 * @param valueEvaluations    evaluations of J alone
 * @param gradientEvaluations evaluations of J and its gradient
 */
public record OptimizationResult(Controls controls, double value, double gradientNorm, int iterations,
                                 Termination termination, int valueEvaluations, int gradientEvaluations) {
}
