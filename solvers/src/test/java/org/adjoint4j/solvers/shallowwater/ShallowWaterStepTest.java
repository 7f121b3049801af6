package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.DotProductTest;
import org.adjoint4j.adjoint.verify.TangentLinearResult;
import org.adjoint4j.adjoint.verify.TangentLinearTest;
import org.adjoint4j.solvers.shallowwater.ShallowWaterCases.Boundaries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On one rank, for every integrator and kind of boundary: the tangent of a step converges to the step
 * at second order, and the adjoint step is its transpose (dot-product test, every state field and
 * every control perturbed at random), at the first step and at a later one, on two grid sizes.
 */
class ShallowWaterStepTest {

    static Object[][] cases() {
        return ShallowWaterCases.integratorsAndBoundaries();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void tangentLinearStepConvergesAtSecondOrder(ShallowWaterIntegrator integrator, Boundaries boundaries) {
        ShallowWaterProblem p = ShallowWaterCases.problem(12, 7, 20, integrator, boundaries);
        Controls m = p.initialControls();
        for (int step : new int[] {0, 9}) {
            Fields u = ShallowWaterCases.stateAt(p, m, step);
            TangentLinearResult r = TangentLinearTest.builder(p.stepper()).step(step).at(u, m).build().run();
            assertTrue(r.passed() && !r.exact(), "step " + step + ": " + r);
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void adjointStepPassesTheDotProductTestAtTheFirstAndALaterStep(ShallowWaterIntegrator integrator,
                                                                     Boundaries boundaries) {
        for (int[] size : new int[][] {{7, 5}, {16, 11}}) {
            ShallowWaterProblem p = ShallowWaterCases.problem(size[0], size[1], 20, integrator, boundaries);
            Controls m = p.initialControls();
            for (int step : new int[] {0, 7}) {
                Fields u = ShallowWaterCases.stateAt(p, m, step);
                DotProductResult r = DotProductTest.builder(p.stepper()).step(step).at(u, m).seed(step + 1).build().run();
                assertTrue(r.passed(), size[0] + "x" + size[1] + ", step " + step + ": " + r);
            }
        }
    }
}
