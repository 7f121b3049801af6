package org.adjoint4j.examples.cli.verify;

import java.util.Objects;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.ReducedFunctional;
import org.adjoint4j.adjoint.verify.TaylorTest;

/**
 * The Taylor test of the whole gradient in one direction δm, from the step h<sub>0</sub> = 0.01: δm
 * should carry the size of each control (as {@link VerificationPlan}'s directions do), so that the
 * first step changes each control by up to 1 % of itself.
 */
public final class TaylorCheck implements VerificationCheck {

    private static final double FIRST_STEP = 0.01;

    private final ReducedFunctional functional;
    private final Controls controls;
    private final String direction;
    private final Controls delta;
    private final int points;

    /**
     * A Taylor test of {@code functional}'s gradient at m in the direction δm.
     *
     * @param functional J and its gradient, e.g. an adjoint driver
     * @param controls  m: read, not modified
     * @param direction what δm perturbs, for names and legends, e.g. "kappa"
     * @param delta     δm: read, not modified
     * @param points    number of step sizes, at least 3
     * @throws IllegalArgumentException if {@code points < 3}
     */
    public TaylorCheck(ReducedFunctional functional, Controls controls, String direction, Controls delta, int points) {
        if (points < 3) {
            throw new IllegalArgumentException("points must be >= 3, was " + points);
        }
        this.functional = Objects.requireNonNull(functional, "functional");
        this.controls = Objects.requireNonNull(controls, "controls");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.delta = Objects.requireNonNull(delta, "delta");
        this.points = points;
    }

    @Override
    public String name() {
        return "Taylor test, direction " + direction;
    }

    @Override
    public CheckResult run() {
        return new CheckResult.Taylor(name(), direction, TaylorTest.builder(functional).at(controls).direction(delta)
                .firstStep(FIRST_STEP).points(points).build().run());
    }
}
