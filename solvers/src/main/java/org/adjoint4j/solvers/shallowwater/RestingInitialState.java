package org.adjoint4j.solvers.shallowwater;

import java.util.List;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.InitialState;

/**
 * Water at rest with the elevation of the control field {@code eta0}: every elevation field named
 * here (one per time level the state holds) is η<sub>0</sub>, every other state field is zero. The
 * adjoint adds the λ of each of those fields to the gradient of {@code eta0}.
 */
final class RestingInitialState implements InitialState {

    private final List<String> elevationFields;

    /** A state whose fields {@code elevationFields} are η<sub>0</sub>, e.g. "eta" and "eta_previous". */
    RestingInitialState(String... elevationFields) {
        this.elevationFields = List.of(elevationFields);
    }

    @Override
    public void evaluate(Controls controls, Fields u0) {
        u0.zero();
        FieldSpec c = controls.fields().spec(controls.layout().fields().indexOf(ShallowWaterOperator.ETA0));
        double[] eta0 = controls.field(ShallowWaterOperator.ETA0);
        for (String name : elevationFields) {
            FieldSpec s = u0.spec(u0.layout().indexOf(name));
            double[] eta = u0.get(name);
            for (int j = 0; j < s.ny(); j++) {
                for (int i = 0; i < s.nx(); i++) {
                    eta[s.index(i, j)] = eta0[c.index(i, j)];
                }
            }
        }
    }

    @Override
    public void adjoint(Controls controls, Fields lambda0, Controls gradient) {
        FieldSpec c = gradient.fields().spec(gradient.layout().fields().indexOf(ShallowWaterOperator.ETA0));
        double[] g = gradient.field(ShallowWaterOperator.ETA0);
        for (String name : elevationFields) {
            FieldSpec s = lambda0.spec(lambda0.layout().indexOf(name));
            double[] lambda = lambda0.get(name);
            for (int j = 0; j < s.ny(); j++) {
                for (int i = 0; i < s.nx(); i++) {
                    g[c.index(i, j)] += lambda[s.index(i, j)];
                }
            }
        }
    }

    @Override
    public void check(FieldLayout state, ControlLayout controls) {
        FieldSpec c = controls.fields().get(controls.fields().indexOf(ShallowWaterOperator.ETA0));
        for (String name : elevationFields) {
            FieldSpec s = state.get(state.indexOf(name));
            if (s.nx() != c.nx() || s.ny() != c.ny()) {
                throw new IllegalArgumentException("initial state: control field '" + c.name() + "' is " + c.nx() + "x"
                        + c.ny() + " but state field '" + name + "' is " + s.nx() + "x" + s.ny());
            }
        }
    }
}
