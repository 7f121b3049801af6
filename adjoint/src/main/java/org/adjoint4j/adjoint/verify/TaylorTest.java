package org.adjoint4j.adjoint.verify;

import java.util.Objects;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.ReducedFunctional;
import org.adjoint4j.mpi.ReduceOp;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The Taylor test of a whole gradient: for h = h<sub>0</sub>, h<sub>0</sub>/2, ..., the remainder
 * r(h) = |J(m + h·δm) − J(m) − h·∇J·δm| must fall as h², so the observed order (least-squares slope of
 * log r against log h, by Commons Math's regression) lies in [1.9, 2.1]. A wrong gradient leaves an
 * O(h) remainder and an order near 1.
 *
 * <p>Points whose remainder is below the rounding floor 1e-13·(|J| + |h·∇J·δm|) are reported but not
 * fitted. The default direction is seeded random (uniform in [-1, 1]); the default h<sub>0</sub> makes
 * the largest perturbation 1 % of ‖m‖<sub>∞</sub>.
 *
 * <pre>
 * TaylorResult r = TaylorTest.builder(driver).at(m).direction(dm).build().run();
 * </pre>
 */
public final class TaylorTest {

    private static final double ROUNDING = 1e-13;

    private final ReducedFunctional functional;
    private final Controls controls;
    private final Controls direction;
    private final double firstStep;
    private final int points;

    private TaylorTest(Builder b) {
        this.functional = b.functional;
        this.controls = b.controls;
        this.direction = b.direction;
        this.firstStep = b.firstStep;
        this.points = b.points;
    }

    /**
     * A Taylor test of {@code functional}'s gradient.
     *
     * @param functional J(m) and its gradient, e.g. an {@link org.adjoint4j.adjoint.AdjointDriver}
     * @return a builder; {@link Builder#at} is required
     * @throws NullPointerException if {@code functional} is null
     */
    public static Builder builder(ReducedFunctional functional) {
        return new Builder(functional);
    }

    /**
     * Runs one gradient and {@code points} evaluations of J; collective. The inputs are not modified.
     *
     * @return J, ∇J·δm, the step sizes, remainders and observed order, the same on every rank
     * @throws IllegalArgumentException if no first step was given and the direction is zero
     */
    public TaylorResult run() {
        var comm = functional.communicator();
        Controls dm = direction;
        if (dm == null) {
            dm = new Controls(controls.layout());
            RandomDirections.fill(dm, 4242L, comm.rank());
        }
        GradientResult g = functional.gradient(controls);
        double j0 = g.value();
        double dj = g.gradient().dot(dm, comm);
        double h0 = firstStep;
        if (Double.isNaN(h0)) {
            double mMax = comm.allreduce(controls.maxAbs(), ReduceOp.MAX);
            double dMax = comm.allreduce(dm.maxAbs(), ReduceOp.MAX);
            if (dMax == 0) {
                throw new IllegalArgumentException("direction is zero");
            }
            h0 = 0.01 * (mMax > 0 ? mMax : 1.0) / dMax;
        }
        double[] h = new double[points];
        double[] r = new double[points];
        boolean[] used = new boolean[points];
        SimpleRegression fit = new SimpleRegression();
        Controls perturbed = new Controls(controls.layout());
        for (int k = 0; k < points; k++) {
            h[k] = h0 / (1L << k);
            perturbed.copyFrom(controls);
            perturbed.addScaled(h[k], dm);
            double jh = functional.value(perturbed);
            r[k] = Math.abs(jh - j0 - h[k] * dj);
            used[k] = r[k] > ROUNDING * (Math.abs(j0) + Math.abs(h[k] * dj));
            if (used[k]) {
                fit.addData(Math.log(h[k]), Math.log(r[k]));
            }
        }
        double order = fit.getN() >= 3 ? fit.getSlope() : Double.NaN;
        return new TaylorResult(j0, dj, h, r, used, order);
    }

    /** Collects the inputs of a {@link TaylorTest}. */
    public static final class Builder {
        private final ReducedFunctional functional;
        private Controls controls;
        private Controls direction;
        private double firstStep = Double.NaN;
        private int points = 6;

        private Builder(ReducedFunctional functional) {
            this.functional = Objects.requireNonNull(functional, "functional");
        }

        /**
         * The controls m at which the gradient is tested (required; not modified).
         *
         * @param controls m, of the functional's control layout; kept, not copied
         * @return this builder
         * @throws NullPointerException if {@code controls} is null
         */
        public Builder at(Controls controls) {
            this.controls = Objects.requireNonNull(controls, "controls");
            return this;
        }

        /**
         * The direction δm (default: seeded random); not modified.
         *
         * @param direction δm, of the functional's control layout; kept, not copied
         * @return this builder
         * @throws NullPointerException if {@code direction} is null
         */
        public Builder direction(Controls direction) {
            this.direction = Objects.requireNonNull(direction, "direction");
            return this;
        }

        /**
         * The largest step h<sub>0</sub> (default: 1 % of ‖m‖<sub>∞</sub> / ‖δm‖<sub>∞</sub>).
         *
         * @param h0 the first step size, finite and greater than 0; later ones halve it
         * @return this builder
         * @throws IllegalArgumentException if {@code h0} is not finite and positive
         */
        public Builder firstStep(double h0) {
            if (!(h0 > 0) || Double.isInfinite(h0)) {
                throw new IllegalArgumentException("firstStep must be finite and > 0, was " + h0);
            }
            this.firstStep = h0;
            return this;
        }

        /**
         * How many step sizes, each half the previous (default 6, at least 3).
         *
         * @param points the number of step sizes, {@code 3 <= points <= 40}
         * @return this builder
         * @throws IllegalArgumentException if {@code points} is outside [3, 40]
         */
        public Builder points(int points) {
            if (points < 3 || points > 40) {
                throw new IllegalArgumentException("points must be in [3, 40], was " + points);
            }
            this.points = points;
            return this;
        }

        /**
         * The test.
         *
         * @return the test, ready to {@link TaylorTest#run()}
         * @throws IllegalArgumentException if the controls are missing or do not fit the functional
         */
        public TaylorTest build() {
            if (controls == null) {
                throw new IllegalArgumentException("the controls are required: call at(controls)");
            }
            if (!controls.layout().equals(functional.controlLayout())) {
                throw new IllegalArgumentException("controls: layout " + controls.layout() + " does not match "
                        + functional.controlLayout());
            }
            if (direction != null && !direction.layout().equals(controls.layout())) {
                throw new IllegalArgumentException("direction: layout " + direction.layout() + " does not match "
                        + controls.layout());
            }
            return new TaylorTest(this);
        }
    }
}
