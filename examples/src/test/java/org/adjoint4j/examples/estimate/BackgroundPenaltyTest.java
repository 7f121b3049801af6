package org.adjoint4j.examples.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.mpi.SerialCommunicator;
import org.junit.jupiter.api.Test;

class BackgroundPenaltyTest {

    private static final ControlLayout LAYOUT = new ControlLayout(FieldLayout.of(FieldSpec.of("x0", 3, 1, 2)), List.of("F"));

    private static Controls controls(double x, double f) {
        Controls c = new Controls(LAYOUT);
        FieldSpec s = LAYOUT.fields().get(0);
        for (int i = 0; i < 3; i++) {
            c.field("x0")[s.index(i, 0)] = x + i;
        }
        c.setScalar("F", f);
        return c;
    }

    @Test
    void aFieldTermIsHalfTheSquaredDistanceOverSigmaSquared() {
        BackgroundPenalty p = new BackgroundPenalty("x0", 2.0, controls(1, 8), SerialCommunicator.instance());
        Controls m = controls(3, 5);
        assertEquals(0.5 * 3 * 4 / 4.0, p.value(m), 1e-15);
        Controls g = new Controls(LAYOUT);
        p.addGradient(m, g);
        for (double v : g.fields().owned(0)) {
            assertEquals(0.5, v, 1e-15);
        }
        assertEquals(0.0, g.scalar("F"));
    }

    @Test
    void aScalarTermIsCountedOnce() {
        BackgroundPenalty p = new BackgroundPenalty("F", 0.5, controls(1, 8), SerialCommunicator.instance());
        Controls m = controls(3, 7);
        assertEquals(0.5 * 1 / 0.25, p.value(m), 1e-15);
        Controls g = new Controls(LAYOUT);
        p.addGradient(m, g);
        assertEquals(-4.0, g.scalar("F"), 1e-15);
    }

    @Test
    void anUnknownControlIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BackgroundPenalty("kappa", 1, controls(0, 0), SerialCommunicator.instance()));
        assertTrue(e.getMessage().contains("'kappa'") && e.getMessage().contains("[x0] and [F]"), e.getMessage());
    }
}
