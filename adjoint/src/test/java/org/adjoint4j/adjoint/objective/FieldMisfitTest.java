package org.adjoint4j.adjoint.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.junit.jupiter.api.Test;

/** The misfit and its gradient, with and without a mask of observed cells, on a 4-cell field. */
class FieldMisfitTest {

    private static final FieldLayout STATE = FieldLayout.of(new FieldSpec("x", 4, 1, 2, 0));
    private static final ControlLayout CONTROLS = new ControlLayout(FieldLayout.of(), List.of("F"));

    private static Fields state(double... owned) {
        Fields u = new Fields(STATE);
        u.setOwned(0, owned);
        return u;
    }

    @Test
    void everyCellEntersWithoutAMask() {
        FieldMisfit j = FieldMisfit.builder("x", 2.0).at(3, new double[] {1, 1, 1, 1}).build();
        Fields u = state(2, 4, -1, 1);
        // ½·2·((2−1)² + (4−1)² + (−1−1)² + 0²) = 14
        assertEquals(14.0, j.value(3, false, u, new Controls(CONTROLS)));
        Fields lambda = new Fields(STATE);
        j.gradient(3, false, u, new Controls(CONTROLS), lambda, new Controls(CONTROLS));
        assertArrayEquals(new double[] {2, 6, -4, 0}, lambda.owned(0));
    }

    @Test
    void onlyMaskedCellsEnterTheValueAndTheGradient() {
        FieldMisfit j = FieldMisfit.builder("x", 2.0).mask(new boolean[] {true, false, true, false})
                .at(3, new double[] {1, 1, 1, 1}).terminal(null).build();
        Fields u = state(2, 4, -1, 1);
        Controls m = new Controls(CONTROLS);
        // observed cells 0 and 2: ½·2·((2−1)² + (−1−1)²) = 5 at step 3; ½·2·(2² + (−1)²) = 5 at the end
        assertEquals(5.0, j.value(3, false, u, m));
        assertEquals(5.0, j.value(9, true, u, m));
        assertEquals(10.0, j.value(3, true, u, m));
        Fields lambda = new Fields(STATE);
        lambda.setOwned(0, new double[] {10, 10, 10, 10});
        j.gradient(3, false, u, m, lambda, new Controls(CONTROLS));
        assertArrayEquals(new double[] {12, 10, 6, 10}, lambda.owned(0), "accumulated into observed cells only");
        assertTrue(j.observes(3, false));
        assertFalse(j.observes(4, false));
    }

    @Test
    void theMaskIsCopiedAndItsLengthChecked() {
        boolean[] mask = {true, false, true, false};
        FieldMisfit j = FieldMisfit.builder("x", 1.0).mask(mask).at(0, null).build();
        mask[1] = true;
        assertEquals(0.5 * (4 + 1), j.value(0, false, state(2, 5, -1, 7), new Controls(CONTROLS)));
        FieldMisfit wrong = FieldMisfit.builder("x", 1.0).mask(new boolean[3]).at(0, null).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wrong.check(STATE, CONTROLS, 5));
        assertEquals("mask: expected 4 values for field 'x' (4x1), got 3", e.getMessage());
    }
}
