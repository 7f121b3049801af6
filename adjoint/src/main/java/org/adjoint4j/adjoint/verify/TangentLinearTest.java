package org.adjoint4j.adjoint.verify;

import java.util.Objects;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TangentLinearStepper;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.SerialCommunicator;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Checks a {@link TangentLinearStepper}'s tangent against its step at x = (u<sub>n</sub>, m): for
 * h = h<sub>0</sub>, h<sub>0</sub>/2, ..., the remainder r(h) = ‖F(x + h·δx) − F(x) − h·F'δx‖ must fall
 * as h² (observed order in [1.9, 2.1]); a wrong tangent leaves an O(h) remainder. Together with the
 * {@link DotProductTest}, which then checks the adjoint against the tangent to rounding error, this
 * verifies the adjoint step of a nonlinear model.
 *
 * <p>Points whose remainder is below the rounding floor 1e-13·(‖F(x)‖ + ‖h·F'δx‖) are reported but
 * not fitted. The default direction is seeded random (uniform in [-1, 1]) in the state and the
 * controls; give one that keeps x + h<sub>0</sub>·δx physical (positive depths, say) for models that
 * need it. The default h<sub>0</sub> makes the largest perturbation 1 % of max(1, ‖x‖<sub>∞</sub>).
 *
 * <pre>
 * TangentLinearResult r = TangentLinearTest.builder(stepper).step(n).at(u, m).build().run();
 * </pre>
 */
public final class TangentLinearTest {

    private static final double ROUNDING = 1e-13;

    private final TangentLinearStepper stepper;
    private final int step;
    private final Fields state;
    private final Controls controls;
    private final Fields stateDirection;
    private final Controls controlDirection;
    private final Communicator comm;
    private final double firstStep;
    private final int points;

    private TangentLinearTest(Builder b) {
        this.stepper = b.stepper;
        this.step = b.step;
        this.state = b.state;
        this.controls = b.controls;
        this.stateDirection = b.stateDirection;
        this.controlDirection = b.controlDirection;
        this.comm = b.comm;
        this.firstStep = b.firstStep;
        this.points = b.points;
    }

    /**
     * A test of {@code stepper}'s tangent.
     *
     * @param stepper the stepper whose {@code tangent} is checked against its {@code forward}
     * @return a builder; {@link Builder#at} is required
     * @throws NullPointerException if {@code stepper} is null
     */
    public static Builder builder(TangentLinearStepper stepper) {
        return new Builder(stepper);
    }

    /**
     * Runs the test; collective over the communicator. The inputs are not modified.
     *
     * @return the step sizes, remainders and observed order, the same on every rank
     * @throws IllegalArgumentException if no first step was given and the direction is zero
     */
    public TangentLinearResult run() {
        Fields du = stateDirection;
        Controls dm = controlDirection;
        if (du == null) {
            du = new Fields(state.layout());
            dm = new Controls(controls.layout());
            RandomDirections.fill(du, 8128L, comm.rank());
            RandomDirections.fill(dm, 8129L, comm.rank());
        }
        Fields base = evaluate(du, dm, 0);
        Controls m = controls.copy();
        stepper.prepare(m);
        Fields tangent = new Fields(state.layout());
        stepper.tangent(step, state.copy(), du.copy(), tangent, m, dm.copy());
        double baseNorm = norm(base);
        double tangentNorm = norm(tangent);
        double h0 = firstStep;
        if (Double.isNaN(h0)) {
            double xMax = comm.allreduce(Math.max(state.maxAbs(), controls.maxAbs()), ReduceOp.MAX);
            double dMax = comm.allreduce(Math.max(du.maxAbs(), dm.maxAbs()), ReduceOp.MAX);
            if (dMax == 0) {
                throw new IllegalArgumentException("direction is zero");
            }
            h0 = 0.01 * Math.max(1.0, xMax) / dMax;
        }
        double[] h = new double[points];
        double[] r = new double[points];
        boolean[] used = new boolean[points];
        SimpleRegression fit = new SimpleRegression();
        for (int k = 0; k < points; k++) {
            h[k] = h0 / (1L << k);
            Fields remainder = evaluate(du, dm, h[k]);
            remainder.addScaled(-1.0, base);
            remainder.addScaled(-h[k], tangent);
            r[k] = norm(remainder);
            used[k] = r[k] > ROUNDING * (baseNorm + h[k] * tangentNorm);
            if (used[k]) {
                fit.addData(Math.log(h[k]), Math.log(r[k]));
            }
        }
        double order = fit.getN() >= 3 ? fit.getSlope() : Double.NaN;
        return new TangentLinearResult(h, r, used, order);
    }

    private double norm(Fields f) {
        return Math.sqrt(comm.allreduce(f.dot(f), ReduceOp.SUM));
    }

    private Fields evaluate(Fields du, Controls dm, double h) {
        Fields u = state.copy();
        u.addScaled(h, du);
        Controls m = controls.copy();
        m.addScaled(h, dm);
        stepper.prepare(m);
        Fields out = new Fields(state.layout());
        stepper.forward(step, u, out, m);
        return out;
    }

    /** Collects the inputs of a {@link TangentLinearTest}. */
    public static final class Builder {
        private final TangentLinearStepper stepper;
        private int step;
        private Fields state;
        private Controls controls;
        private Fields stateDirection;
        private Controls controlDirection;
        private Communicator comm = SerialCommunicator.instance();
        private double firstStep = Double.NaN;
        private int points = 6;

        private Builder(TangentLinearStepper stepper) {
            this.stepper = Objects.requireNonNull(stepper, "stepper");
        }

        /**
         * The step index {@code n} (default 0).
         *
         * @param n the step whose tangent is tested, {@code 0 <= n < l}
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 0}
         */
        public Builder step(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("step must be >= 0, was " + n);
            }
            this.step = n;
            return this;
        }

        /**
         * The linearisation point: u<sub>n</sub> and m (required; not modified).
         *
         * @param state    u<sub>n</sub>, of the stepper's state layout; kept, not copied
         * @param controls m, of the stepper's control layout; kept, not copied
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder at(Fields state, Controls controls) {
            this.state = Objects.requireNonNull(state, "state");
            this.controls = Objects.requireNonNull(controls, "controls");
            return this;
        }

        /**
         * The direction δx = (δu, δm) (default: seeded random); not modified.
         *
         * @param stateDirection   δu, of the state's layout; kept, not copied
         * @param controlDirection δm, of the controls' layout; kept, not copied
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder direction(Fields stateDirection, Controls controlDirection) {
            this.stateDirection = Objects.requireNonNull(stateDirection, "stateDirection");
            this.controlDirection = Objects.requireNonNull(controlDirection, "controlDirection");
            return this;
        }

        /**
         * The ranks; default a single rank.
         *
         * @param comm the ranks over which the state and control fields are distributed
         * @return this builder
         * @throws NullPointerException if {@code comm} is null
         */
        public Builder communicator(Communicator comm) {
            this.comm = Objects.requireNonNull(comm, "comm");
            return this;
        }

        /**
         * The largest step h<sub>0</sub> (default: 1 % of max(1, ‖x‖<sub>∞</sub>) / ‖δx‖<sub>∞</sub>).
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
         * @return the test, ready to {@link TangentLinearTest#run()}
         * @throws IllegalArgumentException if the state or controls are missing or do not fit the
         *         stepper, or the direction does not fit them
         */
        public TangentLinearTest build() {
            LinearisationPoint.check(stepper, state, controls);
            if (stateDirection != null && (!stateDirection.layout().equals(state.layout())
                    || !controlDirection.layout().equals(controls.layout()))) {
                throw new IllegalArgumentException("direction: layouts " + stateDirection.layout() + ", "
                        + controlDirection.layout() + " do not match the state's and the controls'");
            }
            return new TangentLinearTest(this);
        }
    }
}
