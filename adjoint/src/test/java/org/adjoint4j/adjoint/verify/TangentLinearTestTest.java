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
import org.adjoint4j.adjoint.TangentLinearStepper;
import org.junit.jupiter.api.Test;

class TangentLinearTestTest {

    /**
     * u'_i = sin(m_i·u_i) + e<sup>c</sup>·u_{i+1} (cyclic) on a 4x3 grid: transcendental, so finite
     * differences never match the adjoint to rounding error. The tangent and adjoint can be made wrong
     * by a relative amount.
     */
    static final class Transcendental implements TangentLinearStepper {
        static final FieldLayout STATE = FieldLayout.of(FieldSpec.of("u", 4, 3, 1));
        static final ControlLayout CONTROLS = new ControlLayout(FieldLayout.of(FieldSpec.of("m", 4, 3, 0)), List.of("c"));
        static final int CELLS = 12;
        final double tangentError;
        final double adjointError;
        final boolean linear;

        Transcendental(double tangentError, double adjointError, boolean linear) {
            this.tangentError = tangentError;
            this.adjointError = adjointError;
            this.linear = linear;
        }

        private static int at(int k) {
            return STATE.get(0).index(k % 4, k / 4);
        }

        private static int control(int k) {
            return CONTROLS.fields().get(0).index(k % 4, k / 4);
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
            double[] u = in.get(0);
            double[] mm = m.fields().get(0);
            double e = Math.exp(m.scalars()[0]);
            for (int k = 0; k < CELLS; k++) {
                double a = linear ? mm[control(k)] * u[at(k)] : Math.sin(mm[control(k)] * u[at(k)]);
                out.get(0)[at(k)] = a + e * u[at((k + 1) % CELLS)];
            }
        }

        @Override
        public void tangent(int n, Fields in, Fields du, Fields dOut, Controls m, Controls dm) {
            double[] u = in.get(0);
            double[] mm = m.fields().get(0);
            double[] d = du.get(0);
            double[] dmm = dm.fields().get(0);
            double c = m.scalars()[0];
            double e = Math.exp(c);
            for (int k = 0; k < CELLS; k++) {
                double arg = mm[control(k)] * u[at(k)];
                double darg = dmm[control(k)] * u[at(k)] + mm[control(k)] * d[at(k)];
                double da = linear ? darg : Math.cos(arg) * darg;
                int next = at((k + 1) % CELLS);
                dOut.get(0)[at(k)] = (1 + tangentError) * da + e * d[next] + e * u[next] * dm.scalars()[0];
            }
        }

        @Override
        public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls m, Controls gradient) {
            double[] u = in.get(0);
            double[] mm = m.fields().get(0);
            double[] lam = adjOut.get(0);
            double[] res = adjIn.get(0);
            double e = Math.exp(m.scalars()[0]);
            for (int k = 0; k < CELLS; k++) {
                res[at(k)] = 0;
            }
            for (int k = 0; k < CELLS; k++) {
                double arg = mm[control(k)] * u[at(k)];
                double w = (linear ? 1 : Math.cos(arg)) * lam[at(k)] * (1 + adjointError);
                res[at(k)] += w * mm[control(k)];
                gradient.fields().get(0)[control(k)] += w * u[at(k)];
                int next = at((k + 1) % CELLS);
                res[next] += e * lam[at(k)];
                gradient.scalars()[0] += e * u[next] * lam[at(k)];
            }
        }
    }

    private static Fields state() {
        Fields u = new Fields(Transcendental.STATE);
        for (int k = 0; k < Transcendental.CELLS; k++) {
            u.get(0)[Transcendental.at(k)] = 0.3 + 0.1 * k;
        }
        return u;
    }

    private static Controls controls() {
        Controls m = new Controls(Transcendental.CONTROLS);
        for (int k = 0; k < Transcendental.CELLS; k++) {
            m.fields().get(0)[Transcendental.control(k)] = 1.5 - 0.07 * k;
        }
        m.scalars()[0] = -0.4;
        return m;
    }

    @Test
    void aCorrectTangentConvergesAtSecondOrder() {
        TangentLinearResult r = TangentLinearTest.builder(new Transcendental(0, 0, false)).at(state(), controls()).build()
                .run();
        assertTrue(r.passed(), r.toString());
        assertFalse(r.exact(), "a nonlinear step leaves a second-order remainder");
        assertEquals(2.0, r.order(), 0.1, r.toString());
    }

    @Test
    void aWrongTangentIsCaughtByItsFirstOrderRemainder() {
        TangentLinearResult r = TangentLinearTest.builder(new Transcendental(0.05, 0, false)).at(state(), controls())
                .build().run();
        assertFalse(r.passed(), r.toString());
        assertEquals(1.0, r.order(), 0.2, r.toString());
    }

    @Test
    void aLinearStepsTangentIsExact() {
        Controls m = controls();
        m.scalars()[0] = 0; // e^c multiplies u, and a direction in c would make the step bilinear
        Controls dm = new Controls(Transcendental.CONTROLS);
        Fields du = new Fields(Transcendental.STATE);
        for (int k = 0; k < Transcendental.CELLS; k++) {
            du.get(0)[Transcendental.at(k)] = Math.cos(k);
        }
        TangentLinearResult r = TangentLinearTest.builder(new Transcendental(0, 0, true)).at(state(), m)
                .direction(du, dm).build().run();
        assertTrue(r.exact(), r.toString());
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void withATangentTheDotProductTestReachesRoundingErrorOnATranscendentalStep() {
        DotProductResult r = DotProductTest.builder(new Transcendental(0, 0, false)).at(state(), controls()).build().run();
        assertTrue(r.relativeMismatch() < 1e-14, r.toString());
    }

    @Test
    void withATangentTheDotProductTestCatchesAnAdjointErrorFiniteDifferencesCannotResolve() {
        DotProductResult r = DotProductTest.builder(new Transcendental(0, 1e-9, false)).at(state(), controls()).build()
                .run();
        assertFalse(r.passed(), r.toString());
    }

    @Test
    void aDirectionOfTheWrongShapeIsRejected() {
        Fields du = new Fields(FieldLayout.of(FieldSpec.of("u", 3, 3, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TangentLinearTest.builder(new Transcendental(0, 0, false)).at(state(), controls())
                        .direction(du, new Controls(Transcendental.CONTROLS)).build());
        assertTrue(e.getMessage().startsWith("direction:"), e.getMessage());
    }
}
