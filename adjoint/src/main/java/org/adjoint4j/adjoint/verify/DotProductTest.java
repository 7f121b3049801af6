package org.adjoint4j.adjoint.verify;

import java.util.Objects;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TangentLinearStepper;
import org.adjoint4j.adjoint.TimeStepper;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.SerialCommunicator;

/**
 * The dot-product (adjoint consistency) test of one step at x = (u<sub>n</sub>, m): for seeded random
 * δx = (δu, δm) and w, compares ⟨F'δx, w⟩ with ⟨δx, F'<sup>T</sup>w⟩, where F'<sup>T</sup>w is what the
 * step's {@code adjoint} returns (λ<sub>n</sub> and the control gradient).
 *
 * <p><b>Tangent.</b> If the stepper is a {@link TangentLinearStepper}, F'δx is its tangent-linear step,
 * and the two sides agree to rounding error whatever the step's nonlinearity. Otherwise F'δx is a
 * central difference D(ε) = [F(x+εδx) − F(x−εδx)] / 2ε, Richardson-extrapolated as
 * (4·D(ε/2) − D(ε)) / 3, with ε = {@code relativeStep}·max(1, ‖x‖<sub>∞</sub>). The truncation error of
 * that formula is O(ε<sup>4</sup>) and vanishes for steps that are polynomials of degree at most 4 in
 * (u, m), such as explicit linear diffusion (bilinear in u and κ); such steps are then checked to
 * rounding error, far below the 1e-12 tolerance. For other steps the result is only as good as that
 * truncation error allows: give them a tangent-linear step.
 *
 * <pre>
 * DotProductResult r = DotProductTest.builder(stepper).step(n).at(u, m).seed(7).build().run();
 * assert r.passed();
 * </pre>
 */
public final class DotProductTest {

    private final TimeStepper stepper;
    private final int step;
    private final Fields state;
    private final Controls controls;
    private final Communicator comm;
    private final long seed;
    private final double relativeStep;

    private DotProductTest(Builder b) {
        this.stepper = b.stepper;
        this.step = b.step;
        this.state = b.state;
        this.controls = b.controls;
        this.comm = b.comm;
        this.seed = b.seed;
        this.relativeStep = b.relativeStep;
    }

    /**
     * A test of {@code stepper}'s adjoint.
     *
     * @param stepper the stepper under test; if it is a {@link TangentLinearStepper}, its tangent gives F'δx
     * @return a builder; {@link Builder#at} is required
     * @throws NullPointerException if {@code stepper} is null
     */
    public static Builder builder(TimeStepper stepper) {
        return new Builder(stepper);
    }

    /**
     * Runs the test; collective over the communicator. The inputs are not modified.
     *
     * @return the two global inner products, the same on every rank
     */
    public DotProductResult run() {
        int rank = comm.rank();
        Fields du = new Fields(state.layout());
        Controls dm = new Controls(controls.layout());
        Fields w = new Fields(state.layout());
        RandomDirections.fill(du, seed, rank);
        RandomDirections.fill(dm, seed + 1, rank);
        RandomDirections.fill(w, seed + 2, rank);

        Fields tangent = stepper instanceof TangentLinearStepper linear ? tangentLinear(linear, du, dm) : differences(du, dm);
        double tangentProduct = comm.allreduce(tangent.dot(w), ReduceOp.SUM);

        Controls m = controls.copy();
        stepper.prepare(m);
        Controls gradient = new Controls(controls.layout());
        Fields adjIn = new Fields(state.layout());
        stepper.adjoint(step, state.copy(), w.copy(), adjIn, m, gradient);
        double[] scalars = gradient.scalars();
        if (scalars.length > 0) {
            comm.allreduce(scalars, 0, scalars.length, ReduceOp.SUM);
        }
        double adjointProduct = comm.allreduce(du.dot(adjIn), ReduceOp.SUM) + dm.dot(gradient, comm);
        return new DotProductResult(tangentProduct, adjointProduct);
    }

    private Fields tangentLinear(TangentLinearStepper linear, Fields du, Controls dm) {
        Controls m = controls.copy();
        linear.prepare(m);
        Fields out = new Fields(state.layout());
        linear.tangent(step, state.copy(), du.copy(), out, m, dm.copy());
        return out;
    }

    private Fields differences(Fields du, Controls dm) {
        double scale = Math.max(1.0, comm.allreduce(Math.max(state.maxAbs(), controls.maxAbs()), ReduceOp.MAX));
        double eps = relativeStep * scale;
        Fields coarse = centralDifference(du, dm, eps);
        Fields fine = centralDifference(du, dm, eps / 2);
        fine.scale(4.0 / 3.0);
        fine.addScaled(-1.0 / 3.0, coarse);
        return fine;
    }

    private Fields centralDifference(Fields du, Controls dm, double eps) {
        Fields plus = evaluate(du, dm, eps);
        Fields minus = evaluate(du, dm, -eps);
        plus.addScaled(-1.0, minus);
        Fields d = new Fields(state.layout());
        d.addScaled(1.0 / (2 * eps), plus);
        return d;
    }

    private Fields evaluate(Fields du, Controls dm, double eps) {
        Fields u = state.copy();
        u.addScaled(eps, du);
        Controls m = controls.copy();
        m.addScaled(eps, dm);
        stepper.prepare(m);
        Fields out = new Fields(state.layout());
        stepper.forward(step, u, out, m);
        return out;
    }

    /** Collects the inputs of a {@link DotProductTest}. */
    public static final class Builder {
        private final TimeStepper stepper;
        private int step;
        private Fields state;
        private Controls controls;
        private Communicator comm = SerialCommunicator.instance();
        private long seed = 20260101L;
        private double relativeStep = 1e-2;

        private Builder(TimeStepper stepper) {
            this.stepper = Objects.requireNonNull(stepper, "stepper");
        }

        /**
         * The step index {@code n} (default 0).
         *
         * @param n the step whose adjoint is tested, {@code 0 <= n < l}
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
         * Seed of the random δx and w (default fixed).
         *
         * @param seed any value; combined with the rank for the field values
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * ε relative to max(1, ‖x‖<sub>∞</sub>) (default 1e-2); unused for a {@link TangentLinearStepper}.
         *
         * @param relativeStep the relative finite-difference step, finite and greater than 0
         * @return this builder
         * @throws IllegalArgumentException if {@code relativeStep} is not finite and positive
         */
        public Builder relativeStep(double relativeStep) {
            if (!(relativeStep > 0) || Double.isInfinite(relativeStep)) {
                throw new IllegalArgumentException("relativeStep must be finite and > 0, was " + relativeStep);
            }
            this.relativeStep = relativeStep;
            return this;
        }

        /**
         * The test.
         *
         * @return the test, ready to {@link DotProductTest#run()}
         * @throws IllegalArgumentException if the state or controls are missing or do not fit the stepper
         */
        public DotProductTest build() {
            LinearisationPoint.check(stepper, state, controls);
            return new DotProductTest(this);
        }
    }
}
