package org.adjoint4j.adjoint.verify;

import java.util.Arrays;

/**
 * The Taylor test's remainders r(h) = |J(m + h·δm) − J(m) − h·∇J·δm| and the observed order of
 * convergence: the least-squares slope of log r against log h over the points above the rounding
 * floor. A correct gradient gives order 2.
 *
 * @param value                   J(m)
 * @param directionalDerivative   ∇J·δm from the adjoint gradient
 * @param h                       the step sizes, decreasing
 * @param remainders              r(h) for each step size
 * @param used                    which points entered the fit (false: remainder below the rounding floor)
 * @param order                   the fitted slope; NaN if fewer than 3 points are usable
 */
public record TaylorResult(double value, double directionalDerivative, double[] h, double[] remainders,
                           boolean[] used, double order) {

    /** The accepted range of orders: [1.9, 2.1]. */
    public static final double MIN_ORDER = 1.9;
    /** Upper end of the accepted range. */
    public static final double MAX_ORDER = 2.1;

    /**
     * Copies the arrays, so that later changes to the caller's arrays do not show.
     *
     * @param value                 J(m)
     * @param directionalDerivative ∇J·δm from the adjoint gradient
     * @param h                     the step sizes, decreasing (copied)
     * @param remainders            r(h) for each step size (copied)
     * @param used                  which points entered the fit (copied)
     * @param order                 the fitted slope; NaN if fewer than 3 points are usable
     */
    public TaylorResult {
        h = h.clone();
        remainders = remainders.clone();
        used = used.clone();
    }

    /**
     * True if the observed order lies in [{@link #MIN_ORDER}, {@link #MAX_ORDER}].
     *
     * @return whether the test passed; false if the order is NaN
     */
    public boolean passed() {
        return order >= MIN_ORDER && order <= MAX_ORDER;
    }

    /**
     * log2(r(h_k) / r(h_{k+1})) for consecutive points (each about 2 when h halves).
     *
     * @return a new array of {@code h.length - 1} orders, log(r(h_k) / r(h_{k+1})) / log(h_k / h_{k+1}),
     *         points below the rounding floor included
     */
    public double[] pairwiseOrders() {
        double[] orders = new double[h.length - 1];
        for (int k = 0; k < orders.length; k++) {
            orders[k] = Math.log(remainders[k] / remainders[k + 1]) / Math.log(h[k] / h[k + 1]);
        }
        return orders;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("Taylor test: J = %.10e, dJ.dm = %.10e%n", value, directionalDerivative));
        sb.append(String.format("  %-12s %-14s%n", "h", "remainder"));
        for (int k = 0; k < h.length; k++) {
            sb.append(String.format("  %-12.4e %-14.6e%s%n", h[k], remainders[k], used[k] ? "" : "  (rounding floor, not fitted)"));
        }
        sb.append(String.format("  observed order %.4f, accepted [%.1f, %.1f]: %s", order, MIN_ORDER, MAX_ORDER,
                passed() ? "PASS" : "FAIL"));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaylorResult t && value == t.value && directionalDerivative == t.directionalDerivative
                && Arrays.equals(h, t.h) && Arrays.equals(remainders, t.remainders) && Arrays.equals(used, t.used)
                && Double.compare(order, t.order) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(remainders) * 31 + Double.hashCode(order);
    }
}
