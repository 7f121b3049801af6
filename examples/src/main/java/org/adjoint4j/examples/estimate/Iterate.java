package org.adjoint4j.examples.estimate;

import org.adjoint4j.adjoint.Controls;

/**
 * One accepted point of an optimisation.
 *
 * @param iteration           0 for the start, then 1, 2, ...
 * @param value               J at the point
 * @param gradientNorm        the global 2-norm of the gradient at the point
 * @param controls            the point, this rank's part: read only, valid during the callback
 * @param valueEvaluations    evaluations of J alone (forward runs) so far
 * @param gradientEvaluations evaluations of J and its gradient (forward and adjoint runs) so far
 */
public record Iterate(int iteration, double value, double gradientNorm, Controls controls,
                      int valueEvaluations, int gradientEvaluations) {
}
