package org.adjoint4j.benchmarks;

import java.util.function.BiConsumer;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TimeStepper;

/**
 * What the step benchmarks time: one forward and one adjoint step of a stepper at step n, on arrays
 * allocated once, with λ′ = u<sub>n</sub> as the adjoint input.
 */
final class StepFixture {

    private final TimeStepper stepper;
    private final int step;
    private final Controls controls;
    private final Controls gradient;
    private final Fields u;
    private final Fields out;
    private final Fields lambda;
    private final Fields lambdaOut;

    /**
     * @param controls the controls, prepared here
     * @param step     the step n both benchmarks run
     * @param state    fills u<sub>n</sub> (its second argument) from the prepared controls
     */
    StepFixture(TimeStepper stepper, Controls controls, int step, BiConsumer<Controls, Fields> state) {
        this.stepper = stepper;
        this.step = step;
        this.controls = controls;
        stepper.prepare(controls);
        gradient = new Controls(controls.layout());
        u = new Fields(stepper.stateLayout());
        out = new Fields(stepper.stateLayout());
        lambda = new Fields(stepper.stateLayout());
        lambdaOut = new Fields(stepper.stateLayout());
        state.accept(controls, u);
        lambda.copyFrom(u);
    }

    /** One forward step; returns u<sub>n+1</sub>. */
    Fields forward() {
        stepper.forward(step, u, out, controls);
        return out;
    }

    /** One adjoint step, the control gradient accumulated; returns λ<sub>n</sub>. */
    Fields adjoint() {
        stepper.adjoint(step, u, lambda, lambdaOut, controls, gradient);
        return lambdaOut;
    }
}
