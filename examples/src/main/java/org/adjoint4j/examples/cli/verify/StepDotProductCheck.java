package org.adjoint4j.examples.cli.verify;

import java.util.Objects;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TimeStepper;
import org.adjoint4j.adjoint.verify.DotProductTest;
import org.adjoint4j.mpi.Communicator;

/** The dot-product test of a stepper's adjoint at step n, linearised at u<sub>n</sub> and m. */
public final class StepDotProductCheck implements VerificationCheck {

    private final TimeStepper stepper;
    private final int step;
    private final Fields state;
    private final Controls controls;
    private final long seed;
    private final Communicator comm;

    /**
     * A check of {@code stepper}'s adjoint at step {@code step}.
     *
     * @param stepper  the time stepper whose adjoint is tested
     * @param step     the step n, at least 0
     * @param state    u<sub>n</sub>: read, not modified
     * @param controls m: read, not modified
     * @param seed     seed of the random directions
     * @param comm     the ranks the state is spread over; the test's inner products are reduced over them
     * @throws IllegalArgumentException if {@code step < 0}
     */
    public StepDotProductCheck(TimeStepper stepper, int step, Fields state, Controls controls, long seed,
                               Communicator comm) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        this.stepper = Objects.requireNonNull(stepper, "stepper");
        this.step = step;
        this.state = Objects.requireNonNull(state, "state");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.seed = seed;
        this.comm = Objects.requireNonNull(comm, "comm");
    }

    @Override
    public String name() {
        return "dot product, step " + step;
    }

    @Override
    public CheckResult run() {
        return new CheckResult.DotProduct(name(), step, DotProductTest.builder(stepper).step(step).at(state, controls)
                .seed(seed).communicator(comm).build().run());
    }
}
