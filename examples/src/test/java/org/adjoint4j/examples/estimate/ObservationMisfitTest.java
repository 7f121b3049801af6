package org.adjoint4j.examples.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.junit.jupiter.api.Test;

class ObservationMisfitTest {

    private static final FieldLayout STATE = FieldLayout.of(FieldSpec.of("h", 4, 3, 1));
    private static final ControlLayout CONTROLS = new ControlLayout(FieldLayout.of(), List.of("c"));

    @Test
    void onlyCellsOnTheStrideCountWeightedByOneOverSigmaSquared() {
        // The block starts at global (3, 1). With stride 2 the observed cells have even global indices:
        // global i in {3, 4, 5, 6} -> 4 and 6 observed (local 1, 3); global j in {1, 2, 3} -> 2 (local 1).
        Fields u = new Fields(STATE);
        FieldSpec s = STATE.get(0);
        double[] y = new double[12];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 4; i++) {
                u.get(0)[s.index(i, j)] = 10 * j + i;
                y[j * 4 + i] = 10 * j + i - (i + 1); // residual i + 1
            }
        }
        ObservationMisfit m = new ObservationMisfit("h", 0.5, 2, 3, 1, Map.of(4, y));
        assertTrue(m.observes(4, false));
        assertFalse(m.observes(5, true), "no terminal term unless its step is listed");
        // residuals 2 and 4 at the two observed cells: ½ (4 + 16) / 0.25
        assertEquals(40.0, m.value(4, false, u, new Controls(CONTROLS)), 1e-12);
        Fields adjoint = new Fields(STATE);
        m.gradient(4, false, u, new Controls(CONTROLS), adjoint, new Controls(CONTROLS));
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 4; i++) {
                double expected = j == 1 && (i == 1 || i == 3) ? (i + 1) / 0.25 : 0;
                assertEquals(expected, adjoint.get(0)[s.index(i, j)], 1e-12, "cell " + i + "," + j);
            }
        }
    }

    @Test
    void observationsOfTheWrongSizeOrStepsBeyondTheRunAreNamed() {
        ObservationMisfit m = new ObservationMisfit("h", 1, 1, 0, 0, Map.of(2, new double[11]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.check(STATE, CONTROLS, 10));
        assertEquals("observations at step 2: expected 12 values for field 'h' (4x3), got 11", e.getMessage());
        ObservationMisfit late = new ObservationMisfit("h", 1, 1, 0, 0, Map.of(20, new double[12]));
        e = assertThrows(IllegalArgumentException.class, () -> late.check(STATE, CONTROLS, 10));
        assertEquals("observation step 20 is outside the run's steps [0, 10]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ObservationMisfit("h", 0, 1, 0, 0, Map.of(1, new double[1])));
        assertThrows(IllegalArgumentException.class, () -> new ObservationMisfit("h", 1, 0, 0, 0, Map.of(1, new double[1])));
    }
}
