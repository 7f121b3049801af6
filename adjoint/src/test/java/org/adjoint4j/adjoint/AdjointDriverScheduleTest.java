package org.adjoint4j.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The driver executes schedules exactly: every adjoint step once, in order, with its own input. */
class AdjointDriverScheduleTest {

    /** Forward calls above this are too slow for a unit test (l = 10^5 with fewer than 5 slots). */
    private static final long MAX_FORWARD_CALLS = 5_000_000L;

    static Stream<Arguments> grid() {
        List<Arguments> cases = new ArrayList<>();
        for (int l : new int[] {1, 2, 3, 5, 10, 100, 1000, 10_000, 100_000}) {
            cases.add(Arguments.of(StoreAllSchedule.of(l)));
            for (int s : new int[] {1, 2, 3, 5, 10, 20, 50}) {
                if (s <= l) {
                    BinomialSchedule schedule = BinomialSchedule.of(l, s);
                    if (ScheduleSummary.of(schedule).forwardEvaluations() <= MAX_FORWARD_CALLS) {
                        cases.add(Arguments.of(schedule));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grid")
    void everyAdjointStepRunsOnceInOrderReceivingExactlyItsInput(Schedule schedule) {
        int l = schedule.steps();
        KnownStateStepper stepper = new KnownStateStepper(l);
        AdjointDriver driver = AdjointDriver.builder().stepper(stepper).initialState(KnownStateStepper.initialState())
                .objective(KnownStateStepper.sumOfFinalState()).schedule(schedule).build();

        GradientResult result = driver.gradient(new Controls(KnownStateStepper.CONTROLS));

        assertNull(stepper.firstFailure, stepper.firstFailure);
        ScheduleSummary expected = ScheduleSummary.of(schedule);
        assertEquals(expected.forwardEvaluations(), stepper.forwardCalls, "calls of forward");
        assertEquals(expected.forwardEvaluations(), result.statistics().forwardEvaluations());
        assertEquals(l, stepper.adjointCalls);
        assertEquals(-1, stepper.nextAdjoint, "adjoint steps left undone");
        assertEquals(expected.usage(Tier.MEMORY), result.statistics().usage(Tier.MEMORY));
        assertEquals(expected.peakSnapshots(), result.statistics().peakSnapshots());
        assertTrue(result.statistics().peakSnapshots() <= schedule.slots(Tier.MEMORY));

        // u_l = u_0 + l, J = Σ u_l: the gradient with respect to every cell of u_0 is exactly 1.
        for (int f = 0; f < KnownStateStepper.STATE.size(); f++) {
            for (double g : result.initialStateGradient().owned(f)) {
                assertEquals(1.0, g);
            }
        }
        double expectedJ = 0;
        for (int f = 0; f < KnownStateStepper.STATE.size(); f++) {
            for (int k = 0; k < KnownStateStepper.STATE.get(f).ownedLength(); k++) {
                expectedJ += KnownStateStepper.value(l, f, k);
            }
        }
        assertEquals(expectedJ, result.value());
        for (int f = 0; f < KnownStateStepper.STATE.size(); f++) {
            double[] last = result.finalState().owned(f);
            for (int k = 0; k < last.length; k++) {
                assertEquals(KnownStateStepper.value(l, f, k), last[k], "final state");
            }
        }
    }

    @Test
    void thousandStepsWithTenSnapshotsCallForward3637Times() {
        KnownStateStepper stepper = new KnownStateStepper(1000);
        AdjointDriver.builder().stepper(stepper).initialState(KnownStateStepper.initialState())
                .objective(KnownStateStepper.sumOfFinalState()).schedule(BinomialSchedule.of(1000, 10)).build()
                .gradient(new Controls(KnownStateStepper.CONTROLS));
        assertNull(stepper.firstFailure, stepper.firstFailure);
        assertEquals(3637, stepper.forwardCalls);
    }

    @Test
    void statisticsAccountForBytesAndTime() {
        KnownStateStepper stepper = new KnownStateStepper(100);
        GradientResult r = AdjointDriver.builder().stepper(stepper).initialState(KnownStateStepper.initialState())
                .objective(KnownStateStepper.sumOfFinalState()).schedule(BinomialSchedule.of(100, 4)).build()
                .gradient(new Controls(KnownStateStepper.CONTROLS));
        SweepStatistics s = r.statistics();
        assertEquals(4 * 8 * Double.BYTES, s.peakBytes(Tier.MEMORY), "4 snapshots of 8 owned values");
        assertEquals(s.forwardEvaluations() / 100.0, s.recomputeFactor());
        assertTrue(s.totalNanos() >= s.forwardNanos() + s.adjointNanos() + s.storageNanos());
        assertTrue(s.overheadNanos() >= 0);
    }
}
