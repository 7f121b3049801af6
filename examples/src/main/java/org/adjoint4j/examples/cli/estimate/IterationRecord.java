package org.adjoint4j.examples.cli.estimate;

import java.util.Map;

/**
 * What the {@code estimate} command records of one accepted iterate.
 *
 * @param iteration           0 for the first guess
 * @param value               J = J<sub>o</sub> + penalties
 * @param misfit              J<sub>o</sub>, the observation misfit
 * @param penalty             the sum of the regularisation and background terms
 * @param gradientNorm        the global 2-norm of ∇J (estimated controls only)
 * @param errors              relative error per estimated control
 * @param valueEvaluations    evaluations of J alone so far
 * @param gradientEvaluations evaluations of J and ∇J so far
 * @param seconds             wall time since the optimisation started
 */
public record IterationRecord(int iteration, double value, double misfit, double penalty, double gradientNorm,
                              Map<String, Double> errors, int valueEvaluations, int gradientEvaluations, double seconds) {

    /**
     * Copies the errors.
     *
     * @param iteration           0 for the first guess
     * @param value               J = J<sub>o</sub> + penalties
     * @param misfit              J<sub>o</sub>, the observation misfit
     * @param penalty             the sum of the regularisation and background terms
     * @param gradientNorm        the global 2-norm of ∇J (estimated controls only)
     * @param errors              relative error per estimated control; no null keys or values
     * @param valueEvaluations    evaluations of J alone so far
     * @param gradientEvaluations evaluations of J and ∇J so far
     * @param seconds             wall time since the optimisation started
     */
    public IterationRecord {
        errors = Map.copyOf(errors);
    }
}
