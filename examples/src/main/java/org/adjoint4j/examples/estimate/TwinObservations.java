package org.adjoint4j.examples.estimate;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.InitialState;
import org.adjoint4j.adjoint.TimeStepper;

/**
 * The observations of a twin experiment: a forward run from known ("true") controls, one state field
 * recorded at chosen steps, plus seeded Gaussian noise of standard deviation σ at every recorded cell.
 * The noise depends on the seed, the step and the global cell only, so any number of ranks produces
 * the same observations.
 */
public final class TwinObservations {

    private TwinObservations() {
    }

    /**
     * Runs the model and records the observations. A collective call (the steps exchange halos).
     *
     * @param stepper      the model's time stepper; {@code prepare} is called on a copy of the truth
     * @param initialState the model's initial state u<sub>0</sub>(m)
     * @param truth        the true controls (read, not modified)
     * @param runSteps     the number of steps of the run the observations belong to
     * @param field        name of the observed state field
     * @param steps        the steps to observe, each in [0, runSteps]
     * @param sigma        the noise's standard deviation, at least 0
     * @param seed         the noise seed; see {@link SeededNoise#gaussian}
     * @param offsetX      global index of this rank's first owned cell in x
     * @param offsetY      global index of this rank's first owned cell in y
     * @return step → this rank's owned cells of the observed field, x fastest
     * @throws IllegalArgumentException if a step is out of range or σ is negative
     */
    public static Map<Integer, double[]> synthesise(TimeStepper stepper, InitialState initialState, Controls truth,
                                                    int runSteps, String field, TreeSet<Integer> steps, double sigma,
                                                    long seed, int offsetX, int offsetY) {
        Objects.requireNonNull(field, "field");
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, was " + sigma);
        }
        if (steps.isEmpty() || steps.first() < 0 || steps.last() > runSteps) {
            throw new IllegalArgumentException("observation steps must be in [0, " + runSteps + "], were " + steps);
        }
        Controls m = truth.copy();
        stepper.prepare(m);
        Fields u = new Fields(stepper.stateLayout());
        Fields next = new Fields(stepper.stateLayout());
        initialState.evaluate(m, u);
        int f = u.layout().indexOf(field);
        FieldSpec spec = u.spec(f);
        Map<Integer, double[]> observations = new TreeMap<>();
        for (int n = 0; n <= steps.last(); n++) {
            if (steps.contains(n)) {
                double[] y = u.owned(f);
                for (int j = 0; j < spec.ny(); j++) {
                    for (int i = 0; i < spec.nx(); i++) {
                        y[j * spec.nx() + i] += sigma * SeededNoise.gaussian(seed, n, offsetX + i, offsetY + j);
                    }
                }
                observations.put(n, y);
            }
            if (n < steps.last()) {
                stepper.forward(n, u, next, m);
                Fields swap = u;
                u = next;
                next = swap;
            }
        }
        return observations;
    }
}
