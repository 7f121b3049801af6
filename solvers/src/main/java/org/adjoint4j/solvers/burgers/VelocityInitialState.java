package org.adjoint4j.solvers.burgers;

import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.InitialState;

/**
 * u<sub>0</sub> = (control {@code u0}, control {@code v0}): the state fields {@code u}, {@code v} are the
 * control fields; the adjoint adds λ<sub>0</sub>'s fields to their gradients.
 */
final class VelocityInitialState implements InitialState {

    private static final String[] CONTROLS = {Burgers2d.U0, Burgers2d.V0};
    private static final String[] STATE = {"u", "v"};

    @Override
    public void evaluate(Controls controls, Fields u0) {
        u0.zero();
        for (int f = 0; f < 2; f++) {
            copy(controls.fields(), CONTROLS[f], u0, STATE[f], false);
        }
    }

    @Override
    public void adjoint(Controls controls, Fields lambda0, Controls gradient) {
        for (int f = 0; f < 2; f++) {
            copy(lambda0, STATE[f], gradient.fields(), CONTROLS[f], true);
        }
    }

    @Override
    public void check(FieldLayout state, ControlLayout controls) {
        for (int f = 0; f < 2; f++) {
            FieldSpec s = state.get(state.indexOf(STATE[f]));
            FieldSpec c = controls.fields().get(controls.fields().indexOf(CONTROLS[f]));
            if (s.nx() != c.nx() || s.ny() != c.ny()) {
                throw new IllegalArgumentException("initial state: control field '" + CONTROLS[f] + "' is " + c.nx() + "x"
                        + c.ny() + " but state field '" + STATE[f] + "' is " + s.nx() + "x" + s.ny());
            }
        }
    }

    /** Owned cells of {@code from}'s field into {@code to}'s field, copied or added. */
    private static void copy(Fields from, String fromName, Fields to, String toName, boolean add) {
        int fi = from.layout().indexOf(fromName);
        int ti = to.layout().indexOf(toName);
        FieldSpec fs = from.spec(fi);
        FieldSpec ts = to.spec(ti);
        double[] source = from.get(fi);
        double[] target = to.get(ti);
        for (int j = 0; j < fs.ny(); j++) {
            for (int i = 0; i < fs.nx(); i++) {
                double value = source[fs.index(i, j)];
                int k = ts.index(i, j);
                target[k] = add ? target[k] + value : value;
            }
        }
    }
}
