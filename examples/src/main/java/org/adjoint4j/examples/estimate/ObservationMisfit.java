package org.adjoint4j.examples.estimate;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.Objective;

/**
 * The misfit to observations of one state field at chosen steps, the J<sub>o</sub> of variational
 * data assimilation: J<sub>o</sub> = ½ Σ<sub>n</sub> Σ<sub>observed cells</sub> (u<sub>n</sub> − y<sub>n</sub>)² / σ².
 * The observed cells are those whose global indices (i, j) are both multiples of the stride (every
 * cell for stride 1). Observations are given for this rank's owned cells, x fastest; values at cells
 * that are not observed are ignored.
 */
public final class ObservationMisfit implements Objective {

    private final String field;
    private final double weight;
    private final int stride;
    private final int offsetX;
    private final int offsetY;
    private final int[] steps;
    private final double[][] observations;
    private FieldSpec spec;
    private int fieldIndex = -1;

    /**
     * A misfit of state field {@code field}.
     *
     * @param field        name of the observed state field
     * @param sigma        σ, the observation error's standard deviation, finite and > 0
     * @param stride       observe every stride-th cell in each direction, at least 1
     * @param offsetX      global index of this rank's first owned cell in x
     * @param offsetY      global index of this rank's first owned cell in y
     * @param observations step → observations of this rank's owned cells (copied)
     * @throws IllegalArgumentException if σ or the stride is out of range, or there are no observations
     */
    public ObservationMisfit(String field, double sigma, int stride, int offsetX, int offsetY,
                             Map<Integer, double[]> observations) {
        this.field = Objects.requireNonNull(field, "field");
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, was " + sigma);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1, was " + stride);
        }
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("observations must not be empty");
        }
        this.weight = 1 / (sigma * sigma);
        this.stride = stride;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        Map<Integer, double[]> sorted = new TreeMap<>(observations);
        this.steps = sorted.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.observations = new double[steps.length][];
        int k = 0;
        for (double[] y : sorted.values()) {
            this.observations[k++] = y.clone();
        }
    }

    /**
     * Whether the global cell (i, j) is observed.
     *
     * @param i global cell index in x
     * @param j global cell index in y
     * @return true if both indices are multiples of the stride
     */
    public boolean observed(int i, int j) {
        return i % stride == 0 && j % stride == 0;
    }

    /**
     * The observation steps, increasing.
     *
     * @return a new array of the steps that have observations
     */
    public int[] steps() {
        return steps.clone();
    }

    @Override
    public boolean observes(int n, boolean last) {
        return Arrays.binarySearch(steps, n) >= 0;
    }

    @Override
    public double value(int n, boolean last, Fields u, Controls controls) {
        double[] values = u.get(index(u));
        double[] y = observations[Arrays.binarySearch(steps, n)];
        double sum = 0;
        for (int j = first(offsetY); j < spec.ny(); j += stride) {
            for (int i = first(offsetX); i < spec.nx(); i += stride) {
                double d = values[spec.index(i, j)] - y[j * spec.nx() + i];
                sum += d * d;
            }
        }
        return 0.5 * weight * sum;
    }

    @Override
    public void gradient(int n, boolean last, Fields u, Controls controls, Fields adjoint, Controls gradient) {
        int f = index(u);
        double[] values = u.get(f);
        double[] lambda = adjoint.get(f);
        double[] y = observations[Arrays.binarySearch(steps, n)];
        for (int j = first(offsetY); j < spec.ny(); j += stride) {
            for (int i = first(offsetX); i < spec.nx(); i += stride) {
                int k = spec.index(i, j);
                lambda[k] += weight * (values[k] - y[j * spec.nx() + i]);
            }
        }
    }

    /** The first local index whose global index is a multiple of the stride. */
    private int first(int offset) {
        return Math.floorMod(-offset, stride);
    }

    @Override
    public void check(FieldLayout state, ControlLayout controls, int runSteps) {
        FieldSpec s = state.get(state.indexOf(field));
        for (int k = 0; k < steps.length; k++) {
            if (steps[k] < 0 || steps[k] > runSteps) {
                throw new IllegalArgumentException("observation step " + steps[k] + " is outside the run's steps [0, "
                        + runSteps + "]");
            }
            if (observations[k].length != s.ownedLength()) {
                throw new IllegalArgumentException("observations at step " + steps[k] + ": expected " + s.ownedLength()
                        + " values for field '" + field + "' (" + s.nx() + "x" + s.ny() + "), got " + observations[k].length);
            }
        }
    }

    private int index(Fields u) {
        if (spec == null || u.spec(fieldIndex) != spec) {
            fieldIndex = u.layout().indexOf(field);
            spec = u.spec(fieldIndex);
        }
        return fieldIndex;
    }
}
