package org.adjoint4j.checkpoint.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.adjoint4j.checkpoint.Action;
import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.Tier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StoreAllScheduleTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 1000})
    void evaluatesEveryStepOnceAndKeepsAllButTheLastState(int l) {
        ScheduleSummary summary = ScheduleSummary.of(StoreAllSchedule.of(l));
        assertEquals(l, summary.forwardEvaluations());
        assertEquals(l, summary.adjointSteps());
        assertEquals(l - 1, summary.peakSnapshots());
        assertEquals(l - 1, summary.usage(Tier.MEMORY).restores());
    }

    @Test
    void threeStepsInFull() {
        assertEquals(List.of(
                new Action.Store(0, Tier.MEMORY, 0), new Action.Advance(0, 1),
                new Action.Store(1, Tier.MEMORY, 1), new Action.Advance(1, 2),
                new Action.Turn(2),
                new Action.Restore(1, Tier.MEMORY, 1), new Action.Adjoint(1), new Action.Discard(1, Tier.MEMORY, 1),
                new Action.Restore(0, Tier.MEMORY, 0), new Action.Adjoint(0), new Action.Discard(0, Tier.MEMORY, 0)),
                StoreAllSchedule.of(3).actions().toList());
    }

    @Test
    void rejectsNonPositiveSteps() {
        assertEquals("steps must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> StoreAllSchedule.of(0)).getMessage());
    }
}
