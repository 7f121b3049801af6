package org.adjoint4j.adjoint.verify;

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
import org.adjoint4j.adjoint.TimeStepper;
import org.junit.jupiter.api.Test;

class DotProductTestTest {

    /** u' = m·u² elementwise plus c·u on a 5x3 grid: cubic in (u, m, c), so the tangent is exact. */
    static final class Quadratic implements TimeStepper {
        static final FieldLayout STATE = FieldLayout.of(FieldSpec.of("u", 5, 3, 1));
        static final ControlLayout CONTROLS = new ControlLayout(FieldLayout.of(FieldSpec.of("m", 5, 3, 0)), List.of("c"));
        final double adjointError;

        Quadratic(double adjointError) {
            this.adjointError = adjointError;
        }

        @Override
        public FieldLayout stateLayout() {
            return STATE;
        }

        @Override
        public ControlLayout controlLayout() {
            return CONTROLS;
        }

        @Override
        public void forward(int n, Fields in, Fields out, Controls m) {
            FieldSpec s = STATE.get(0);
            FieldSpec ms = CONTROLS.fields().get(0);
            double c = m.scalars()[0];
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 5; i++) {
                    double u = in.get(0)[s.index(i, j)];
                    out.get(0)[s.index(i, j)] = m.fields().get(0)[ms.index(i, j)] * u * u + c * u;
                }
            }
        }

        @Override
        public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls m, Controls gradient) {
            FieldSpec s = STATE.get(0);
            FieldSpec ms = CONTROLS.fields().get(0);
            double c = m.scalars()[0];
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 5; i++) {
                    int k = s.index(i, j);
                    double u = in.get(0)[k];
                    double l = adjOut.get(0)[k];
                    double mm = m.fields().get(0)[ms.index(i, j)];
                    adjIn.get(0)[k] = (2 * mm * u + c) * l * (1 + adjointError);
                    gradient.fields().get(0)[ms.index(i, j)] += u * u * l;
                    gradient.scalars()[0] += u * l;
                }
            }
        }
    }

    private static DotProductResult run(double adjointError) {
        Quadratic q = new Quadratic(adjointError);
        Fields u = new Fields(Quadratic.STATE);
        Controls m = new Controls(Quadratic.CONTROLS);
        for (int k = 0; k < u.get(0).length; k++) {
            u.get(0)[k] = 0.3 + 0.01 * k;
        }
        for (int k = 0; k < m.fields().get(0).length; k++) {
            m.fields().get(0)[k] = 1.0 - 0.02 * k;
        }
        m.scalars()[0] = 0.7;
        return DotProductTest.builder(q).at(u, m).build().run();
    }

    @Test
    void passesForTheTrueAdjoint() {
        DotProductResult r = run(0);
        assertTrue(r.passed(), r.toString());
        assertTrue(r.relativeMismatch() < 1e-13, r.toString());
    }

    @Test
    void failsForAnAdjointWrongByOnePartInAMillion() {
        DotProductResult r = run(1e-6);
        assertFalse(r.passed(), r.toString());
    }

    @Test
    void refusesAStateOfAnotherLayout() {
        Fields wrong = new Fields(FieldLayout.of(FieldSpec.of("u", 4, 3, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DotProductTest.builder(new Quadratic(0)).at(wrong, new Controls(Quadratic.CONTROLS)).build());
        assertTrue(e.getMessage().startsWith("state: layout"), e.getMessage());
    }

    @Test
    void mismatchIsRelativeToTheTangentProduct() {
        assertEquals(0.5, new DotProductResult(2.0, 3.0).relativeMismatch());
    }
}
