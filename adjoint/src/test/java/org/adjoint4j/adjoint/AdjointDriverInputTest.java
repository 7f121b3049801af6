package org.adjoint4j.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint4j.adjoint.objective.FieldMisfit;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.storage.MemorySnapshotStore;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a message that names the parameter and the value. */
class AdjointDriverInputTest {

    private static AdjointDriver.Builder complete() {
        return AdjointDriver.builder().stepper(new LinearRecurrence(false))
                .initialState(InitialState.fixed(LinearRecurrence.state(1)))
                .objective(LinearRecurrence.halfSquareOfFinalState()).schedule(BinomialSchedule.of(10, 3));
    }

    @Test
    void missingPartsAreNamed() {
        assertEquals("stepper is required", assertThrows(IllegalArgumentException.class,
                () -> complete().stepper(null).build()).getMessage());
        assertEquals("schedule is required (or an online schedule)", assertThrows(IllegalArgumentException.class,
                () -> complete().schedule(null).build()).getMessage());
    }

    @Test
    void controlsOfAnotherLayoutAreRefused() {
        Controls other = new Controls(new ControlLayout(new FieldLayout(List.of()), List.of("a", "c")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> complete().build().gradient(other));
        assertTrue(e.getMessage().startsWith("controls: layout"), e.getMessage());
    }

    @Test
    void aStoreSmallerThanTheScheduleNeedsIsRefused() {
        MemorySnapshotStore small = new MemorySnapshotStore(LinearRecurrence.STATE.snapshotLayout(), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> complete().store(small).build());
        assertTrue(e.getMessage().contains("needs 3 slots of MEMORY"), e.getMessage());
    }

    @Test
    void observationsOfTheWrongSizeAreNamedWithTheirStep() {
        Objective misfit = FieldMisfit.builder("x", 1).at(4, new double[] {1, 2}).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> complete().objective(misfit).build());
        assertEquals("observations at step 4: expected 1 values for field 'x' (1x1), got 2", e.getMessage());
    }

    @Test
    void observationsBeyondTheRunAreRefused() {
        Objective misfit = FieldMisfit.builder("x", 1).at(11, null).build();
        assertEquals("observation step 11 is beyond the run's 10 steps", assertThrows(IllegalArgumentException.class,
                () -> complete().objective(misfit).build()).getMessage());
    }

    @Test
    void fieldValuesOfTheWrongLengthAreNamed() {
        Fields u = new Fields(FieldLayout.of(FieldSpec.of("kappa", 4, 3, 1)));
        assertEquals("field 'kappa': expected 12 values (4x3), got 10",
                assertThrows(IllegalArgumentException.class, () -> u.setOwned(0, new double[10])).getMessage());
    }
}
