package org.adjoint4j.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.DynamicSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Runs whose length only the model knows: the online protocol, executed exactly. */
class AdjointDriverOnlineTest {

    @ParameterizedTest(name = "ends at {0}, {1} slots")
    @CsvSource({"1,1", "2,1", "3,2", "7,3", "40,1", "100,4", "1000,10", "5000,20"})
    void everyAdjointStepRunsOnceInOrderWhenOnlyTheModelKnowsTheEnd(int end, int slots) {
        KnownStateStepper stepper = new KnownStateStepper(end).endingAt(end);
        DynamicSchedule schedule = DynamicSchedule.of(slots);
        GradientResult r = AdjointDriver.builder().stepper(stepper).initialState(KnownStateStepper.initialState())
                .objective(KnownStateStepper.sumOfFinalState()).onlineSchedule(schedule, 1_000_000).build()
                .gradient(new Controls(KnownStateStepper.CONTROLS));

        assertNull(stepper.firstFailure, stepper.firstFailure);
        assertEquals(end, stepper.adjointCalls);
        assertEquals(-1, stepper.nextAdjoint);
        assertEquals(end, stepper.finalQuestions, "asked once per step of the first sweep");
        assertEquals(ScheduleSummary.ofOnline(schedule, end).forwardEvaluations(), stepper.forwardCalls);
        assertEquals(end, r.statistics().steps());
        for (double g : r.initialStateGradient().owned(0)) {
            assertEquals(1.0, g);
        }
        for (int f = 0; f < KnownStateStepper.STATE.size(); f++) {
            double[] last = r.finalState().owned(f);
            for (int k = 0; k < last.length; k++) {
                assertEquals(KnownStateStepper.value(end, f, k), last[k]);
            }
        }
    }

    @Test
    void onlineGradientAndValueEqualTheFixedLengthOnesWithObservations() {
        Objective misfit = org.adjoint4j.adjoint.objective.FieldMisfit.builder("x", 1.0)
                .at(0, new double[] {0.4}).at(17, new double[] {-0.2}).at(60, new double[] {0.1}).terminal(null).build();
        LinearRecurrence fixedStepper = new LinearRecurrence(false);
        Controls m = LinearRecurrence.controls(0.98, 0.05);
        GradientResult fixed = AdjointDriver.builder().stepper(fixedStepper).initialState(InitialState.fixed(LinearRecurrence.state(1.5)))
                .objective(misfit).schedule(BinomialSchedule.of(60, 4)).build().gradient(m);
        TimeStepper endsAt60 = new TimeStepper() {
            @Override
            public FieldLayout stateLayout() {
                return fixedStepper.stateLayout();
            }

            @Override
            public ControlLayout controlLayout() {
                return fixedStepper.controlLayout();
            }

            @Override
            public void forward(int n, Fields in, Fields out, Controls c) {
                fixedStepper.forward(n, in, out, c);
            }

            @Override
            public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls c, Controls g) {
                fixedStepper.adjoint(n, in, adjOut, adjIn, c, g);
            }

            @Override
            public boolean isFinal(int n, Fields state, Controls c) {
                return n == 60;
            }
        };
        AdjointDriver online = AdjointDriver.builder().stepper(endsAt60).initialState(InitialState.fixed(LinearRecurrence.state(1.5)))
                .objective(misfit).onlineSchedule(DynamicSchedule.of(4), 10_000).build();
        GradientResult r = online.gradient(m);
        // the same terms in the same order: identical, not only close
        assertEquals(fixed.value(), r.value());
        assertEquals(fixed.gradient().scalar("a"), r.gradient().scalar("a"));
        assertEquals(fixed.gradient().scalar("b"), r.gradient().scalar("b"));
        assertEquals(fixed.value(), online.value(m));
    }

    @Test
    void maxStepsEndsARunTheModelDoesNotEnd() {
        KnownStateStepper stepper = new KnownStateStepper(25);
        GradientResult r = AdjointDriver.builder().stepper(stepper).initialState(KnownStateStepper.initialState())
                .objective(KnownStateStepper.sumOfFinalState()).onlineSchedule(DynamicSchedule.of(3), 25).build()
                .gradient(new Controls(KnownStateStepper.CONTROLS));
        assertNull(stepper.firstFailure, stepper.firstFailure);
        assertEquals(25, r.statistics().steps());
    }

    @Test
    void aScheduleAndAnOnlineScheduleTogetherAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AdjointDriver.builder().stepper(new KnownStateStepper(5))
                .initialState(KnownStateStepper.initialState()).objective(KnownStateStepper.sumOfFinalState())
                .schedule(BinomialSchedule.of(5, 2)).onlineSchedule(DynamicSchedule.of(2), 5).build());
        assertThrows(IllegalArgumentException.class, () -> AdjointDriver.builder().onlineSchedule(DynamicSchedule.of(2), 0));
    }
}
