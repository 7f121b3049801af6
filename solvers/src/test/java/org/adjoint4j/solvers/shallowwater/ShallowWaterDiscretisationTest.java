package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TimeStepper;
import org.adjoint4j.solvers.shallowwater.ReferenceShallowWater.State;
import org.adjoint4j.solvers.shallowwater.ShallowWaterCases.Boundaries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stepper computes the discrete equations as written: one step from a random state equals the
 * step of {@link ReferenceShallowWater}, a separate transcription on the whole grid, to rounding error.
 */
class ShallowWaterDiscretisationTest {

    private static final int NX = 7;
    private static final int NY = 5;

    static Object[][] cases() {
        return ShallowWaterCases.integratorsAndBoundaries();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void aStepFromARandomStateIsTheReferenceStep(ShallowWaterIntegrator integrator, Boundaries boundaries) {
        ShallowWaterProblem p = ShallowWaterCases.problem(NX, NY, 10, integrator, boundaries);
        Controls m = p.initialControls();
        Random random = new Random(5);
        double[] depth = m.fields().owned(0);
        double[] drag = m.fields().owned(2);
        for (int k = 0; k < drag.length; k++) {
            drag[k] += 0.3 * random.nextDouble(); // a drag field with structure, so the face averages matter
        }
        m.fields().setOwned(2, drag);
        ReferenceShallowWater reference = new ReferenceShallowWater(NX, NY, p.parameters(), boundaries.x, boundaries.y,
                depth, drag);
        TimeStepper stepper = p.stepper();
        stepper.prepare(m);
        Fields in = new Fields(stepper.stateLayout());
        for (int f = 0; f < in.layout().size(); f++) {
            // every owned value random, the placeholders of wall faces too: the step must ignore them
            double[] values = new double[NX * NY];
            for (int k = 0; k < values.length; k++) {
                values[k] = (f % 3 == 0 ? 0.1 : 0.3) * (2 * random.nextDouble() - 1);
            }
            in.setOwned(f, values);
        }
        for (int n : integrator == ShallowWaterIntegrator.RK3 ? new int[] {0} : new int[] {0, 1}) {
            Fields out = new Fields(stepper.stateLayout());
            stepper.forward(n, in.copy(), out, m);
            State current = state(reference, in, 0);
            State[] expected;
            if (integrator == ShallowWaterIntegrator.RK3) {
                expected = new State[] {reference.rk3(current, p.dt())};
            } else if (n == 0) {
                expected = reference.euler(current, p.dt());
            } else {
                expected = reference.leapfrog(current, state(reference, in, 3), p.dt(), ShallowWaterLeapfrog.DEFAULT_ASSELIN);
            }
            for (int level = 0; level < expected.length; level++) {
                double[][] e = {reference.flat(expected[level].eta()), reference.flat(expected[level].u()),
                    reference.flat(expected[level].v())};
                for (int f = 0; f < 3; f++) {
                    String name = out.spec(3 * level + f).name();
                    assertClose(e[f], out.owned(3 * level + f), "step " + n + ", field " + name);
                }
            }
        }
    }

    private static State state(ReferenceShallowWater reference, Fields fields, int first) {
        return new State(reference.grid(fields.owned(first)), reference.grid(fields.owned(first + 1)),
                reference.grid(fields.owned(first + 2)));
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertTrue(scale > 0, what + ": the reference is zero everywhere");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-14 * scale, what + ", cell (" + k % NX + ", " + k / NX + ")");
        }
    }
}
