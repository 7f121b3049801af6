package org.adjoint4j.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.junit.jupiter.api.Test;

class SweepObserverTest {

    static final class Counting implements SweepObserver {
        long plannedForward = -1;
        long plannedAdjoint = -1;
        long forward;
        long adjoint;
        int lastAdjoint = Integer.MAX_VALUE;
        boolean finished;
        SweepStatistics statistics;

        @Override
        public void started(long forwardEvaluations, long adjointSteps) {
            plannedForward = forwardEvaluations;
            plannedAdjoint = adjointSteps;
        }

        @Override
        public void forwardStep(int n) {
            forward++;
        }

        @Override
        public void adjointStep(int n) {
            adjoint++;
            lastAdjoint = n;
        }

        @Override
        public void finished(SweepStatistics s) {
            finished = true;
            statistics = s;
        }
    }

    @Test
    void seesThePlannedWorkAndEveryStep() {
        Counting observer = new Counting();
        AdjointDriver.builder().stepper(new LinearRecurrence(false))
                .initialState(InitialState.fixed(LinearRecurrence.state(1)))
                .objective(LinearRecurrence.halfSquareOfFinalState()).schedule(BinomialSchedule.of(100, 4))
                .observer(observer).build().gradient(LinearRecurrence.controls(0.9, 0.1));
        assertEquals(observer.plannedForward, observer.forward, "the plan covers recomputation");
        assertEquals(100, observer.plannedAdjoint);
        assertEquals(100, observer.adjoint);
        assertEquals(0, observer.lastAdjoint);
        assertNotNull(observer.statistics);
        assertEquals(observer.forward, observer.statistics.forwardEvaluations());
    }

    @Test
    void isToldWhenARunFails() {
        Counting observer = new Counting();
        AdjointDriver d = AdjointDriver.builder().stepper(new PoisonedStepper(3, -1, Double.NaN))
                .initialState(InitialState.fixed(new Fields(PoisonedStepper.STATE)))
                .objective(org.adjoint4j.adjoint.objective.FieldMisfit.builder("b", 1).at(4, null).terminal(null).build())
                .schedule(BinomialSchedule.of(10, 3)).observer(observer).build();
        assertThrows(NonFiniteValueException.class, () -> d.gradient(new Controls(PoisonedStepper.CONTROLS)));
        assertEquals(true, observer.finished);
        assertNull(observer.statistics);
    }
}
