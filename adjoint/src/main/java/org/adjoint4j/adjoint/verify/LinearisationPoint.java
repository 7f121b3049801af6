package org.adjoint4j.adjoint.verify;

import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TimeStepper;

/** The check the step tests share: a linearisation point (u<sub>n</sub>, m) that fits the stepper. */
final class LinearisationPoint {

    private LinearisationPoint() {
    }

    /**
     * Refuses a missing or ill-fitting point, naming what does not fit.
     *
     * @throws IllegalArgumentException if {@code state} is null (no point given), or the state or the
     *                                  controls do not have the stepper's layouts
     */
    static void check(TimeStepper stepper, Fields state, Controls controls) {
        if (state == null) {
            throw new IllegalArgumentException("the linearisation point is required: call at(state, controls)");
        }
        if (!state.layout().equals(stepper.stateLayout())) {
            throw new IllegalArgumentException("state: layout " + state.layout() + " does not match the stepper's "
                    + stepper.stateLayout());
        }
        if (!controls.layout().equals(stepper.controlLayout())) {
            throw new IllegalArgumentException("controls: layout " + controls.layout()
                    + " does not match the stepper's " + stepper.controlLayout());
        }
    }
}
