package org.adjoint4j.adjoint.objective;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.Objective;
import org.adjoint4j.adjoint.Controls;

/**
 * A weighted squared misfit of one state field against observations,
 * J<sub>n</sub> = ½·w·Σ<sub>owned cells</sub> (u<sub>n</sub> − u<sup>obs</sup><sub>n</sub>)², at the
 * terminal step and/or at chosen steps. Observations are this rank's owned cells, x fastest; a
 * missing observation array means zero observations. With a {@linkplain Builder#mask mask}, only the
 * observed cells enter the sum (e.g. every other variable of a 4D-Var experiment); the values of the
 * other cells of an observation array are ignored.
 *
 * <pre>
 * Objective j = FieldMisfit.builder("u", h * h).terminal(null).at(250, obs250).at(500, obs500).build();
 * </pre>
 */
public final class FieldMisfit implements Objective {

    private final String field;
    private final double weight;
    private final int[] steps;
    private final double[][] observations;
    private final boolean terminal;
    private final double[] terminalObservations;
    private final boolean[] mask;
    private int fieldIndex = -1;
    private FieldSpec spec;

    private FieldMisfit(Builder b) {
        this.field = b.field;
        this.weight = b.weight;
        this.steps = b.atSteps.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.observations = b.atSteps.values().toArray(new double[0][]);
        this.terminal = b.terminal;
        this.terminalObservations = b.terminalObservations;
        this.mask = b.mask;
    }

    /**
     * A misfit of state field {@code field} with weight {@code weight} (e.g. the cell area h²).
     *
     * @param field  name of the state field compared with the observations
     * @param weight w, finite and at least 0
     * @return a builder without terms; add at least one with {@link Builder#terminal} or {@link Builder#at}
     * @throws NullPointerException     if {@code field} is null
     * @throws IllegalArgumentException if the weight is negative or not finite
     */
    public static Builder builder(String field, double weight) {
        return new Builder(field, weight);
    }

    @Override
    public boolean observes(int n, boolean last) {
        return last && terminal || Arrays.binarySearch(steps, n) >= 0;
    }

    @Override
    public double value(int n, boolean last, Fields u, Controls controls) {
        double[] values = u.get(index(u));
        double v = 0;
        if (last && terminal) {
            v += misfit(values, terminalObservations);
        }
        int k = Arrays.binarySearch(steps, n);
        if (k >= 0) {
            v += misfit(values, observations[k]);
        }
        return v;
    }

    @Override
    public void gradient(int n, boolean last, Fields u, Controls controls, Fields adjoint, Controls gradient) {
        int f = index(u);
        double[] values = u.get(f);
        double[] lambda = adjoint.get(f);
        if (last && terminal) {
            addResidual(values, terminalObservations, lambda);
        }
        int k = Arrays.binarySearch(steps, n);
        if (k >= 0) {
            addResidual(values, observations[k], lambda);
        }
    }

    @Override
    public void check(FieldLayout state, ControlLayout controls, int runSteps) {
        FieldSpec s = state.get(state.indexOf(field));
        if (mask != null && mask.length != s.ownedLength()) {
            throw new IllegalArgumentException(lengthMessage("mask", s, mask.length));
        }
        if (terminalObservations != null && terminalObservations.length != s.ownedLength()) {
            throw new IllegalArgumentException(lengthMessage("terminal observations", s, terminalObservations.length));
        }
        for (int k = 0; k < steps.length; k++) {
            if (steps[k] > runSteps) {
                throw new IllegalArgumentException("observation step " + steps[k] + " is beyond the run's "
                        + runSteps + " steps");
            }
            if (observations[k] != null && observations[k].length != s.ownedLength()) {
                throw new IllegalArgumentException(lengthMessage("observations at step " + steps[k], s, observations[k].length));
            }
        }
    }

    private static String lengthMessage(String what, FieldSpec s, int got) {
        return what + ": expected " + s.ownedLength() + " values for field '" + s.name() + "' (" + s.nx() + "x"
                + s.ny() + "), got " + got;
    }

    private int index(Fields u) {
        if (spec == null || u.spec(fieldIndex) != spec) {
            fieldIndex = u.layout().indexOf(field);
            spec = u.spec(fieldIndex);
        }
        return fieldIndex;
    }

    private double misfit(double[] values, double[] obs) {
        double sum = 0;
        int nx = spec.nx();
        for (int j = 0; j < spec.ny(); j++) {
            int row = spec.index(0, j);
            int o = j * nx;
            for (int i = 0; i < nx; i++) {
                if (mask != null && !mask[o + i]) {
                    continue;
                }
                double d = values[row + i] - (obs == null ? 0.0 : obs[o + i]);
                sum += d * d;
            }
        }
        return 0.5 * weight * sum;
    }

    private void addResidual(double[] values, double[] obs, double[] lambda) {
        int nx = spec.nx();
        for (int j = 0; j < spec.ny(); j++) {
            int row = spec.index(0, j);
            int o = j * nx;
            for (int i = 0; i < nx; i++) {
                if (mask != null && !mask[o + i]) {
                    continue;
                }
                lambda[row + i] += weight * (values[row + i] - (obs == null ? 0.0 : obs[o + i]));
            }
        }
    }

    /** Collects the terms of a {@link FieldMisfit}. */
    public static final class Builder {
        private final String field;
        private final double weight;
        private final Map<Integer, double[]> atSteps = new TreeMap<>();
        private boolean terminal;
        private double[] terminalObservations;
        private boolean[] mask;

        private Builder(String field, double weight) {
            this.field = Objects.requireNonNull(field, "field");
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight must be finite and >= 0, was " + weight);
            }
            this.weight = weight;
        }

        /**
         * A term at the last step.
         *
         * @param observations owned cells, x fastest (kept, not copied); {@code null} for zero
         * @return this builder
         */
        public Builder terminal(double[] observations) {
            this.terminal = true;
            this.terminalObservations = observations;
            return this;
        }

        /**
         * A term at step {@code step}.
         *
         * @param step         the step index n, {@code 0 <= n <= l}; a term at {@code l} adds to a terminal
         *                     term (the run's length is checked when the driver is built)
         * @param observations owned cells, x fastest (kept, not copied); {@code null} for zero
         * @return this builder
         * @throws IllegalArgumentException if the step is negative or already has a term
         */
        public Builder at(int step, double[] observations) {
            if (step < 0) {
                throw new IllegalArgumentException("observation step must be >= 0, was " + step);
            }
            if (atSteps.containsKey(step)) {
                throw new IllegalArgumentException("observation step " + step + " given twice");
            }
            atSteps.put(step, observations);
            return this;
        }

        /**
         * Which cells are observed, the same at every term (default: every cell).
         *
         * @param observed owned cells, x fastest, true where observed (copied)
         * @return this builder
         * @throws NullPointerException if {@code observed} is null
         */
        public Builder mask(boolean[] observed) {
            this.mask = Objects.requireNonNull(observed, "observed").clone();
            return this;
        }

        /**
         * The objective.
         *
         * @return the misfit; array lengths are checked against the state layout when the driver is built
         * @throws IllegalArgumentException if neither a terminal term nor a term at a step was added
         */
        public FieldMisfit build() {
            if (!terminal && atSteps.isEmpty()) {
                throw new IllegalArgumentException("misfit of '" + field + "' has no terms: call terminal() or at()");
            }
            return new FieldMisfit(this);
        }
    }
}
