package org.adjoint4j.solvers.burgers;

/**
 * Explicit strong-stability-preserving Runge–Kutta schemes in Shu–Osher form: with
 * E(w) = w + dt·L(w), stage k = 1 … s computes
 * <pre>
 *   w_k = a_k·u_n + b_k·E(w_{k−1}),     w_0 = u_n,   u_{n+1} = w_s
 * </pre>
 * Each stage is a convex combination of forward-Euler steps, so every scheme is stable (and keeps the
 * upwind scheme's bounds) under the forward-Euler time-step limit (SSP coefficient 1; Gottlieb &amp;
 * Shu, Math. Comp. 67, 1998).
 */
public enum TimeScheme {

    /** u<sub>n+1</sub> = E(u<sub>n</sub>); first order. */
    FORWARD_EULER(new double[] {0}, new double[] {1}),
    /** Heun's method: w<sub>1</sub> = E(u<sub>n</sub>), u<sub>n+1</sub> = ½u<sub>n</sub> + ½E(w<sub>1</sub>); second order. */
    SSP_RK2(new double[] {0, 0.5}, new double[] {1, 0.5}),
    /** The three-stage third-order scheme: weights (0, 1), (¾, ¼), (⅓, ⅔). */
    SSP_RK3(new double[] {0, 0.75, 1.0 / 3.0}, new double[] {1, 0.25, 2.0 / 3.0});

    private final double[] previousWeights;
    private final double[] stepWeights;

    TimeScheme(double[] previousWeights, double[] stepWeights) {
        this.previousWeights = previousWeights;
        this.stepWeights = stepWeights;
    }

    /**
     * The number of stages s, each one evaluation of L and one halo exchange.
     *
     * @return s: 1 for forward Euler, 2 for SSP-RK2, 3 for SSP-RK3
     */
    public int stages() {
        return stepWeights.length;
    }

    /**
     * The weight a<sub>k</sub> of u<sub>n</sub> in stage {@code k}.
     *
     * @param k stage, 1 … {@link #stages()}
     * @return a<sub>k</sub>, in [0, 1); a<sub>1</sub> = 0
     * @throws IllegalArgumentException if {@code k} is outside 1 … {@link #stages()}
     */
    public double previousWeight(int k) {
        return previousWeights[checkStage(k)];
    }

    /**
     * The weight b<sub>k</sub> of E(w<sub>k−1</sub>) in stage {@code k}.
     *
     * @param k stage, 1 … {@link #stages()}
     * @return b<sub>k</sub> = 1 − a<sub>k</sub>, in (0, 1]; b<sub>1</sub> = 1
     * @throws IllegalArgumentException if {@code k} is outside 1 … {@link #stages()}
     */
    public double stepWeight(int k) {
        return stepWeights[checkStage(k)];
    }

    private int checkStage(int k) {
        if (k < 1 || k > stepWeights.length) {
            throw new IllegalArgumentException("stage must be in [1, " + stepWeights.length + "], was " + k);
        }
        return k - 1;
    }
}
