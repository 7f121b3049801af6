package org.adjoint4j.adjoint;

import java.util.List;

/**
 * x_{n+1} = a·x_n + b on a 1x1 state, controls: scalars a and b. {@code wrongAdjoint} doubles the
 * b-gradient, to show that the verification tools catch a wrong adjoint.
 */
final class LinearRecurrence implements TimeStepper {

    static final FieldLayout STATE = FieldLayout.of(new FieldSpec("x", 1, 1, 0, 0));
    static final ControlLayout CONTROLS = new ControlLayout(new FieldLayout(List.of()), List.of("a", "b"));

    private final boolean wrongAdjoint;

    LinearRecurrence(boolean wrongAdjoint) {
        this.wrongAdjoint = wrongAdjoint;
    }

    static Controls controls(double a, double b) {
        Controls m = new Controls(CONTROLS);
        m.setScalar("a", a);
        m.setScalar("b", b);
        return m;
    }

    static Fields state(double x) {
        Fields u = new Fields(STATE);
        u.get(0)[0] = x;
        return u;
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
        out.get(0)[0] = m.scalars()[0] * in.get(0)[0] + m.scalars()[1];
    }

    @Override
    public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls m, Controls gradient) {
        double lambda = adjOut.get(0)[0];
        adjIn.get(0)[0] = m.scalars()[0] * lambda;
        gradient.scalars()[0] += in.get(0)[0] * lambda;
        gradient.scalars()[1] += (wrongAdjoint ? 2 : 1) * lambda;
    }

    /** J = ½ x_l². */
    static Objective halfSquareOfFinalState() {
        return new Objective() {
            @Override
            public boolean observes(int n, boolean last) {
                return last;
            }

            @Override
            public double value(int n, boolean last, Fields u, Controls controls) {
                return 0.5 * u.get(0)[0] * u.get(0)[0];
            }

            @Override
            public void gradient(int n, boolean last, Fields u, Controls controls, Fields adjoint, Controls gradient) {
                adjoint.get(0)[0] += u.get(0)[0];
            }
        };
    }
}
