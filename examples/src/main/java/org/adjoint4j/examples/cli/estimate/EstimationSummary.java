package org.adjoint4j.examples.cli.estimate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint4j.examples.estimate.Termination;

/**
 * The outcome of a twin experiment, for the report: the setup, every iterate and why it stopped.
 *
 * @param optimizer      the optimiser and its settings, one line
 * @param estimated      the estimated controls, in order
 * @param observedField  the observed state field
 * @param steps          the observation steps
 * @param observedCells  observed cells per step, over all ranks
 * @param stride         the observation stride
 * @param noise          σ of the observation noise
 * @param penalties      descriptions of the regularisation and background terms
 * @param iterations     iterate 0 (the first guess) and every accepted one
 * @param termination    why the optimiser stopped
 * @param scalars        each estimated scalar control: its true value, first guess and estimate
 */
public record EstimationSummary(String optimizer, List<String> estimated, String observedField, List<Integer> steps,
                                long observedCells, int stride, double noise, List<String> penalties,
                                List<IterationRecord> iterations, Termination termination, Map<String, ScalarEstimate> scalars) {

    /**
     * One estimated scalar control.
     *
     * @param truth      the value the observations were made with
     * @param firstGuess where the optimisation started
     * @param estimate   where it ended
     */
    public record ScalarEstimate(double truth, double firstGuess, double estimate) {
    }

    /**
     * Copies the lists and the map (the map keeps its order).
     *
     * @param optimizer      the optimiser and its settings, one line
     * @param estimated      the estimated controls, in order
     * @param observedField  the observed state field
     * @param steps          the observation steps
     * @param observedCells  observed cells per step, over all ranks
     * @param stride         the observation stride
     * @param noise          σ of the observation noise
     * @param penalties      descriptions of the regularisation and background terms
     * @param iterations     iterate 0 (the first guess) and every accepted one; not empty
     * @param termination    why the optimiser stopped
     * @param scalars        each estimated scalar control: its true value, first guess and estimate
     * @throws IllegalArgumentException if {@code iterations} is empty
     */
    public EstimationSummary {
        estimated = List.copyOf(estimated);
        steps = List.copyOf(steps);
        penalties = List.copyOf(penalties);
        iterations = List.copyOf(iterations);
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        if (iterations.isEmpty()) {
            throw new IllegalArgumentException("iterations must hold at least the first guess");
        }
    }

    /**
     * J<sub>o</sub> at the first guess over J<sub>o</sub> at the end.
     *
     * @return the factor by which the misfit fell (greater than 1 if it did); infinite if the final
     *         misfit is 0, NaN if both are
     */
    public double misfitReduction() {
        return iterations.get(0).misfit() / iterations.get(iterations.size() - 1).misfit();
    }

    /**
     * The last iterate.
     *
     * @return the final accepted iterate; the first guess if none was accepted
     */
    public IterationRecord last() {
        return iterations.get(iterations.size() - 1);
    }
}
