package org.adjoint4j.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint4j.adjoint.NonFiniteValueException.Phase;
import org.adjoint4j.adjoint.objective.FieldMisfit;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.junit.jupiter.api.Test;

/** A NaN or infinity is reported with its step, field and cell, never returned as a gradient. */
class AdjointDriverNonFiniteTest {

    private static final int L = 40;

    private static AdjointDriver driver(PoisonedStepper stepper, Schedule schedule, Objective objective, boolean everyStep) {
        return AdjointDriver.builder().stepper(stepper).initialState(InitialState.fixed(new Fields(PoisonedStepper.STATE)))
                .objective(objective).schedule(schedule).checkEveryStep(everyStep).build();
    }

    private static Objective observeB(int step) {
        return FieldMisfit.builder("b", 1.0).at(step, null).terminal(null).build();
    }

    private static Controls controls() {
        return new Controls(PoisonedStepper.CONTROLS);
    }

    @Test
    void aNaNFromAForwardStepIsLocatedThroughCheckpoints() {
        // stored states are checked; the NaN of step 17 sits in u_18, which the binomial schedule stores
        // or observes; the driver then finds the step by checking every step.
        for (Schedule schedule : new Schedule[] {BinomialSchedule.of(L, 3), StoreAllSchedule.of(L)}) {
            NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                    () -> driver(new PoisonedStepper(17, -1, Double.NaN), schedule, observeB(18), false).gradient(controls()));
            assertEquals(Phase.FORWARD_STEP, e.phase(), e.getMessage());
            assertEquals(17, e.step(), e.getMessage());
            assertEquals(0, e.rank());
            assertEquals("forward step 17 produced a non-finite value on rank 0: u_18, field 'b' cell (1, 0) = NaN",
                    e.getMessage());
        }
    }

    @Test
    void anInfinityIsReportedToo() {
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> driver(new PoisonedStepper(5, -1, Double.POSITIVE_INFINITY), StoreAllSchedule.of(L), observeB(30), false)
                        .gradient(controls()));
        assertEquals(5, e.step());
        assertTrue(e.getMessage().endsWith("field 'b' cell (1, 0) = Infinity"), e.getMessage());
    }

    @Test
    void aValueThatVanishesBeforeAnyCheckIsFoundWhenEveryStepIsChecked() {
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> driver(new PoisonedStepper(9, -1, Double.NaN), BinomialSchedule.of(L, 2), observeB(L), true)
                        .gradient(controls()));
        assertEquals(Phase.FORWARD_STEP, e.phase());
        assertEquals(9, e.step());
    }

    @Test
    void aNaNFromAnAdjointStepIsLocated() {
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> driver(new PoisonedStepper(-1, 23, 0), BinomialSchedule.of(L, 4), observeB(L), false).gradient(controls()));
        assertEquals(Phase.ADJOINT_STEP, e.phase(), e.getMessage());
        assertEquals(23, e.step());
        assertTrue(e.getMessage().contains("λ_23, field 'a' cell (0, 1) = NaN"), e.getMessage());
    }

    @Test
    void aNaNObservationIsBlamedOnTheObjectiveTerm() {
        double[] bad = {0, Double.NaN, 0};
        Objective objective = FieldMisfit.builder("b", 1.0).at(12, bad).terminal(null).build();
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> driver(new PoisonedStepper(-1, -1, 0), BinomialSchedule.of(L, 3), objective, false).gradient(controls()));
        assertEquals(Phase.OBJECTIVE, e.phase(), e.getMessage());
        assertEquals(12, e.step());
    }

    @Test
    void theForwardOnlyValueIsCheckedAlike() {
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> driver(new PoisonedStepper(L - 1, -1, Double.NaN), BinomialSchedule.of(L, 3), observeB(L), false)
                        .value(controls()));
        assertEquals(L - 1, e.step());
    }

    @Test
    void aFailedRunLeavesTheDriverUsable() {
        AdjointDriver d = driver(new PoisonedStepper(-1, -1, 0), BinomialSchedule.of(L, 3), observeB(L), false);
        AdjointDriver broken = driver(new PoisonedStepper(3, -1, Double.NaN), BinomialSchedule.of(L, 3), observeB(4), false);
        assertThrows(NonFiniteValueException.class, () -> broken.gradient(controls()));
        GradientResult first = d.gradient(controls());
        GradientResult again = d.gradient(controls());
        assertEquals(first.value(), again.value());
        assertThrows(NonFiniteValueException.class, () -> broken.gradient(controls()));
    }
}
