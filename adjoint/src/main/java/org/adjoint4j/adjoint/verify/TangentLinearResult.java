package org.adjoint4j.adjoint.verify;

import java.util.Arrays;

/**
 * The remainders r(h) = ‖F(x + h·δx) − F(x) − h·F'δx‖ of a {@link TangentLinearTest} and the observed
 * order: the least-squares slope of log r against log h over the points above the rounding floor. A
 * correct tangent gives order 2; a step that is linear in x gives remainders at the rounding floor.
 *
 * @param h          the step sizes, decreasing
 * @param remainders r(h) for each step size (global 2-norms over owned cells)
 * @param used       which points entered the fit (false: remainder below the rounding floor)
 * @param order      the fitted slope; NaN if fewer than 3 points are usable
 */
public record TangentLinearResult(double[] h, double[] remainders, boolean[] used, double order) {

    /**
     * Copies the arrays, so that later changes to the caller's arrays do not show.
     *
     * @param h          the step sizes, decreasing (copied)
     * @param remainders r(h) for each step size (copied)
     * @param used       which points entered the fit (copied)
     * @param order      the fitted slope; NaN if fewer than 3 points are usable
     */
    public TangentLinearResult {
        h = h.clone();
        remainders = remainders.clone();
        used = used.clone();
    }

    /**
     * True if every remainder is at the rounding floor: the step is linear and the tangent is exact.
     *
     * @return whether no point entered the fit
     */
    public boolean exact() {
        for (boolean u : used) {
            if (u) {
                return false;
            }
        }
        return true;
    }

    /**
     * True if the observed order lies in [{@link TaylorResult#MIN_ORDER}, {@link TaylorResult#MAX_ORDER}],
     * or the tangent is {@link #exact()}.
     *
     * @return whether the test passed; false if the order is NaN and the tangent is not exact
     */
    public boolean passed() {
        return exact() || order >= TaylorResult.MIN_ORDER && order <= TaylorResult.MAX_ORDER;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("tangent-linear test:%n  %-12s %-14s%n", "h", "remainder"));
        for (int k = 0; k < h.length; k++) {
            sb.append(String.format("  %-12.4e %-14.6e%s%n", h[k], remainders[k], used[k] ? "" : "  (rounding floor, not fitted)"));
        }
        sb.append(exact() ? "  every remainder at the rounding floor: exact (linear step): PASS"
                : String.format("  observed order %.4f, accepted [%.1f, %.1f]: %s", order, TaylorResult.MIN_ORDER,
                        TaylorResult.MAX_ORDER, passed() ? "PASS" : "FAIL"));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TangentLinearResult t && Arrays.equals(h, t.h) && Arrays.equals(remainders, t.remainders)
                && Arrays.equals(used, t.used) && Double.compare(order, t.order) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(remainders) + Double.hashCode(order);
    }
}
