package org.adjoint4j.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint4j.adjoint.objective.FieldMisfit;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.junit.jupiter.api.Test;

/** Gradients against closed forms, and the Taylor test passing and failing where it should. */
class AdjointDriverGradientTest {

    private static final double A = 0.97;
    private static final double B = 0.3;
    private static final double X0 = 1.5;
    private static final int L = 50;

    private static AdjointDriver driver(boolean wrongAdjoint, Objective objective) {
        return AdjointDriver.builder().stepper(new LinearRecurrence(wrongAdjoint))
                .initialState(InitialState.fixed(LinearRecurrence.state(X0)))
                .objective(objective).schedule(BinomialSchedule.of(L, 3)).build();
    }

    @Test
    void gradientOfALinearRecurrenceMatchesTheClosedForm() {
        // x_L = a^L x0 + b (a^L - 1)/(a - 1); J = x_L² / 2.
        double aL = Math.pow(A, L);
        double xL = aL * X0 + B * (aL - 1) / (A - 1);
        double dxda = L * Math.pow(A, L - 1) * X0 + B * (L * Math.pow(A, L - 1) * (A - 1) - (aL - 1)) / ((A - 1) * (A - 1));
        double dxdb = (aL - 1) / (A - 1);

        GradientResult r = driver(false, LinearRecurrence.halfSquareOfFinalState()).gradient(LinearRecurrence.controls(A, B));

        assertEquals(0.5 * xL * xL, r.value(), 1e-14 * xL * xL);
        assertEquals(xL * dxda, r.gradient().scalar("a"), 1e-12 * Math.abs(xL * dxda));
        assertEquals(xL * dxdb, r.gradient().scalar("b"), 1e-12 * Math.abs(xL * dxdb));
        assertEquals(xL * aL, r.initialStateGradient().get(0)[0], 1e-12 * Math.abs(xL * aL));
    }

    @Test
    void taylorTestPassesForTheRightAdjointAndFailsForAWrongOne() {
        Controls m = LinearRecurrence.controls(A, B);
        TaylorResult right = TaylorTest.builder(driver(false, LinearRecurrence.halfSquareOfFinalState())).at(m).build().run();
        TaylorResult wrong = TaylorTest.builder(driver(true, LinearRecurrence.halfSquareOfFinalState())).at(m).build().run();

        assertTrue(right.passed(), right.toString());
        assertEquals(2.0, right.order(), 0.1, right.toString());
        assertFalse(wrong.passed(), wrong.toString());
        assertTrue(wrong.order() < 1.5, "a wrong gradient leaves an O(h) remainder: " + wrong);
    }

    @Test
    void timeDistributedObservationsEnterValueAndGradient() {
        double[] y3 = {0.2};
        double[] y20 = {-0.4};
        Objective misfit = FieldMisfit.builder("x", 2.0).at(0, new double[] {1.0}).at(3, y3).at(20, y20).terminal(null).build();
        // J by plain iteration, independently of the driver
        double x = X0;
        double expected = 0.5 * 2.0 * (x - 1.0) * (x - 1.0);
        for (int n = 1; n <= L; n++) {
            x = A * x + B;
            if (n == 3) {
                expected += (x - y3[0]) * (x - y3[0]);
            } else if (n == 20) {
                expected += (x - y20[0]) * (x - y20[0]);
            }
        }
        expected += x * x;

        AdjointDriver checkpointed = driver(false, misfit);
        Controls m = LinearRecurrence.controls(A, B);
        assertEquals(expected, checkpointed.value(m), 1e-14 * expected);
        GradientResult r = checkpointed.gradient(m);
        assertEquals(expected, r.value(), 1e-14 * expected);

        TaylorResult taylor = TaylorTest.builder(checkpointed).at(m).build().run();
        assertTrue(taylor.passed(), taylor.toString());

        GradientResult storeAll = AdjointDriver.builder().stepper(new LinearRecurrence(false))
                .initialState(InitialState.fixed(LinearRecurrence.state(X0))).objective(misfit)
                .schedule(StoreAllSchedule.of(L)).build().gradient(m);
        assertEquals(storeAll.gradient().scalar("a"), r.gradient().scalar("a"), 1e-13 * Math.abs(storeAll.gradient().scalar("a")));
        assertEquals(storeAll.gradient().scalar("b"), r.gradient().scalar("b"), 1e-13 * Math.abs(storeAll.gradient().scalar("b")));
    }
}
