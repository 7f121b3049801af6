package org.adjoint4j.examples.estimate;

import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.NonFiniteValueException;
import org.adjoint4j.adjoint.ReducedFunctional;

/**
 * A line search for the strong Wolfe conditions (Nocedal &amp; Wright, Numerical Optimization, 2nd ed.,
 * algorithms 3.5 and 3.6): along x + a·d it brackets an acceptable step by extrapolation, then zooms
 * in with safeguarded cubic interpolation. Each trial is one gradient evaluation. A trial where the
 * model produces non-finite values counts as J = +∞, so the search backs off from steps that make the
 * model blow up.
 */
final class WolfeLineSearch {

    /** Sufficient decrease: φ(a) ≤ φ(0) + C1·a·φ'(0). */
    static final double C1 = 1e-4;
    /** Curvature: |φ'(a)| ≤ C2·|φ'(0)|. */
    static final double C2 = 0.9;
    private static final double EXTRAPOLATION = 4;
    private static final double SAFEGUARD = 0.1;

    /** A point on the line with J and its gradient (null if J was not finite there). */
    record Trial(double step, Controls x, double value, double slope, GradientResult result) {
        boolean finite() {
            return result != null;
        }
    }

    private final ReducedFunctional functional;
    private final Controls start;
    private final Controls direction;
    private final double value0;
    private final double slope0;
    private final int maxEvaluations;
    private int evaluations;

    private WolfeLineSearch(ReducedFunctional functional, Controls start, double value0, Controls direction, double slope0,
                            int maxEvaluations) {
        this.functional = functional;
        this.start = start;
        this.value0 = value0;
        this.direction = direction;
        this.slope0 = slope0;
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * Searches from {@code start} along the descent direction {@code direction} (slope0 = ∇J·d &lt; 0).
     *
     * @return the accepted trial, or {@code null} if no step gave sufficient decrease within the budget
     */
    static Outcome search(ReducedFunctional functional, Controls start, double value0, Controls direction,
                          double slope0, double firstStep, int maxEvaluations) {
        WolfeLineSearch s = new WolfeLineSearch(functional, start, value0, direction, slope0, maxEvaluations);
        Trial accepted = s.bracket(firstStep);
        return new Outcome(accepted, s.evaluations);
    }

    /** The accepted trial (null if none) and the gradient evaluations spent. */
    record Outcome(Trial accepted, int evaluations) {
    }

    private Trial bracket(double firstStep) {
        Trial previous = new Trial(0, start, value0, slope0, null);
        double a = firstStep;
        while (evaluations < maxEvaluations) {
            Trial t = evaluate(a);
            if (!sufficientDecrease(t) || previous.step > 0 && t.value >= previous.value) {
                return zoom(previous, t);
            }
            if (Math.abs(t.slope) <= -C2 * slope0) {
                return t;
            }
            if (t.slope >= 0) {
                return zoom(t, previous);
            }
            previous = t;
            a *= EXTRAPOLATION;
        }
        return previous.step > 0 ? previous : null; // sufficient decrease without the curvature condition
    }

    /** N&amp;W algorithm 3.6: {@code lo} satisfies sufficient decrease and has the lowest J so far. */
    private Trial zoom(Trial lo, Trial hi) {
        while (evaluations < maxEvaluations) {
            Trial t = evaluate(interpolate(lo, hi));
            if (!sufficientDecrease(t) || t.value >= lo.value) {
                hi = t;
            } else {
                if (Math.abs(t.slope) <= -C2 * slope0) {
                    return t;
                }
                if (t.slope * (hi.step - lo.step) >= 0) {
                    hi = lo;
                }
                lo = t;
            }
        }
        return lo.step > 0 ? lo : null;
    }

    private boolean sufficientDecrease(Trial t) {
        return t.finite() && t.value <= value0 + C1 * t.step * slope0;
    }

    /** The minimiser of the cubic through both ends' values and slopes, kept inside the interval; else the midpoint. */
    static double interpolate(Trial lo, Trial hi) {
        double a = lo.step;
        double b = hi.step;
        double lower = Math.min(a, b) + SAFEGUARD * Math.abs(b - a);
        double upper = Math.max(a, b) - SAFEGUARD * Math.abs(b - a);
        double d1 = lo.slope + hi.slope - 3 * (lo.value - hi.value) / (a - b);
        double disc = d1 * d1 - lo.slope * hi.slope;
        if (hi.finite() && disc >= 0 && Double.isFinite(d1)) {
            double d2 = Math.signum(b - a) * Math.sqrt(disc);
            double c = b - (b - a) * (hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2);
            if (Double.isFinite(c)) {
                return Math.min(upper, Math.max(lower, c));
            }
        }
        return 0.5 * (a + b);
    }

    private Trial evaluate(double a) {
        evaluations++;
        Controls x = start.copy();
        x.addScaled(a, direction);
        try {
            GradientResult r = functional.gradient(x);
            return new Trial(a, x, r.value(), r.gradient().dot(direction, functional.communicator()), r);
        } catch (NonFiniteValueException e) {
            // Every rank throws together (the driver detects non-finite values collectively).
            return new Trial(a, x, Double.POSITIVE_INFINITY, Double.NaN, null);
        }
    }
}
