package org.adjoint4j.adjoint;

/**
 * The objective J = Σ<sub>n</sub> J<sub>n</sub>(u<sub>n</sub>, m): a terminal term at the last step
 * and/or terms at chosen steps (observations at many times, as in 4D-Var).
 *
 * <p>The driver calls {@link #value} and {@link #gradient} only where {@link #observes} is true, each
 * exactly once per step and run. Each call sees one rank's block: {@link #value} returns this rank's
 * share, which the driver sums over ranks once. A term that depends only on replicated controls must
 * therefore be counted by one rank only (rank 0, say).
 */
public interface Objective {

    /**
     * Whether there is a term at step {@code n}.
     *
     * @param n    the step index, {@code 0 <= n <= l}
     * @param last true when {@code n} is the last step {@code l} (the terminal state)
     * @return whether J<sub>n</sub> exists, so that {@link #value} and {@link #gradient} are called
     */
    boolean observes(int n, boolean last);

    /**
     * This rank's share of J<sub>n</sub>(u<sub>n</sub>, m).
     *
     * @param n        the step index, one for which {@link #observes} is true
     * @param last     true when {@code n} is the last step {@code l}
     * @param u        u<sub>n</sub>: owned cells read, not modified
     * @param controls read, not modified
     * @return this rank's share of J<sub>n</sub>; the driver sums the shares over ranks
     */
    double value(int n, boolean last, Fields u, Controls controls);

    /**
     * Adds ∂J<sub>n</sub>/∂u<sub>n</sub> to {@code adjoint} and ∂J<sub>n</sub>/∂m to {@code gradient}.
     *
     * @param n        the step index, one for which {@link #observes} is true
     * @param last     true when {@code n} is the last step {@code l}
     * @param u        u<sub>n</sub>: owned cells read, not modified
     * @param controls m: read, not modified
     * @param adjoint  λ<sub>n</sub>: owned cells accumulated into
     * @param gradient accumulated into (owned cells; this rank's share of scalar derivatives)
     */
    void gradient(int n, boolean last, Fields u, Controls controls, Fields adjoint, Controls gradient);

    /**
     * Checks, before a run, that this objective fits the stepper's layouts and the number of steps.
     *
     * @param state    the stepper's state layout
     * @param controls the stepper's control layout
     * @param steps    the number of steps {@code l}; for an online schedule, the most steps the run may take
     * @throws IllegalArgumentException naming the mismatch
     */
    default void check(FieldLayout state, ControlLayout controls, int steps) {
    }

    /**
     * The sum of objectives.
     *
     * @param terms the objectives to add (the array is copied, the objectives are kept)
     * @return an objective that observes a step when any term does and adds the terms that observe it;
     *         its {@code check} checks every term
     */
    static Objective sum(Objective... terms) {
        Objective[] parts = terms.clone();
        return new Objective() {
            @Override
            public boolean observes(int n, boolean last) {
                for (Objective o : parts) {
                    if (o.observes(n, last)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public double value(int n, boolean last, Fields u, Controls controls) {
                double v = 0;
                for (Objective o : parts) {
                    if (o.observes(n, last)) {
                        v += o.value(n, last, u, controls);
                    }
                }
                return v;
            }

            @Override
            public void gradient(int n, boolean last, Fields u, Controls controls, Fields adjoint, Controls gradient) {
                for (Objective o : parts) {
                    if (o.observes(n, last)) {
                        o.gradient(n, last, u, controls, adjoint, gradient);
                    }
                }
            }

            @Override
            public void check(FieldLayout state, ControlLayout controls, int steps) {
                for (Objective o : parts) {
                    o.check(state, controls, steps);
                }
            }
        };
    }
}
