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
     * @param last true when {@code n} is the last step {@code l} (the terminal state)
     */
    boolean observes(int n, boolean last);

    /**
     * This rank's share of J<sub>n</sub>(u<sub>n</sub>, m).
     *
     * @param u        u<sub>n</sub>: owned cells read, not modified
     * @param controls read, not modified
     */
    double value(int n, boolean last, Fields u, Controls controls);

    /**
     * Adds ∂J<sub>n</sub>/∂u<sub>n</sub> to {@code adjoint} and ∂J<sub>n</sub>/∂m to {@code gradient}.
     *
     * @param u        u<sub>n</sub>: owned cells read, not modified
     * @param adjoint  λ<sub>n</sub>: owned cells accumulated into
     * @param gradient accumulated into (owned cells; this rank's share of scalar derivatives)
     */
    void gradient(int n, boolean last, Fields u, Controls controls, Fields adjoint, Controls gradient);

    /**
     * Checks, before a run, that this objective fits the stepper's layouts and the number of steps.
     *
     * @throws IllegalArgumentException naming the mismatch
     */
    default void check(FieldLayout state, ControlLayout controls, int steps) {
    }

    /** The sum of objectives. */
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
