package org.adjoint4j.adjoint;

import java.util.Objects;

/**
 * The initial state u<sub>0</sub> = I(m) as a function of the controls, and its adjoint, which maps
 * λ<sub>0</sub> into the control gradient.
 */
public interface InitialState {

    /**
     * Writes u<sub>0</sub>.
     *
     * @param controls read, not modified
     * @param u0       owned cells written
     */
    void evaluate(Controls controls, Fields u0);

    /**
     * Adds (∂I/∂m)<sup>T</sup> λ<sub>0</sub> to {@code gradient}.
     *
     * @param controls m, at which I is linearised: read, not modified
     * @param lambda0  owned cells read, not modified
     * @param gradient accumulated into (owned cells and this rank's scalar contributions)
     */
    void adjoint(Controls controls, Fields lambda0, Controls gradient);

    /**
     * Checks, before a run, that this initial state fits the stepper's layouts.
     *
     * @param state    the stepper's state layout
     * @param controls the stepper's control layout
     * @throws IllegalArgumentException naming the mismatch
     */
    default void check(FieldLayout state, ControlLayout controls) {
    }

    /**
     * A fixed u<sub>0</sub> that does not depend on the controls (its owned cells are copied now).
     *
     * @param u0 the initial state: read now, not kept, so later changes to it have no effect
     * @return an initial state that writes these owned values and adds nothing to the gradient; its
     *         {@code check} refuses a state layout of other field names or owned sizes
     */
    static InitialState fixed(Fields u0) {
        Fields copy = u0.copy();
        return new InitialState() {
            @Override
            public void evaluate(Controls controls, Fields target) {
                for (int f = 0; f < copy.layout().size(); f++) {
                    target.unpack(f, copy.owned(f));
                }
            }

            @Override
            public void adjoint(Controls controls, Fields lambda0, Controls gradient) {
            }

            @Override
            public void check(FieldLayout state, ControlLayout controls) {
                if (!state.snapshotLayout().equals(copy.layout().snapshotLayout())) {
                    throw new IllegalArgumentException("initial state: fields " + copy.layout().names()
                            + " do not match the state layout " + state);
                }
            }
        };
    }

    /**
     * u<sub>0</sub>'s field {@code stateField} is the control field {@code controlField}; the other
     * state fields start at zero. The gradient of the control field receives λ<sub>0</sub>.
     *
     * @param controlField name of a control field
     * @param stateField   name of a state field with the same owned size {@code nx × ny}
     * @return the initial state; its {@code check} refuses layouts without these fields or with
     *         different owned sizes
     * @throws NullPointerException if a name is null
     */
    static InitialState fromControlField(String controlField, String stateField) {
        Objects.requireNonNull(controlField, "controlField");
        Objects.requireNonNull(stateField, "stateField");
        return new InitialState() {
            @Override
            public void evaluate(Controls controls, Fields u0) {
                u0.zero();
                int c = controls.layout().fields().indexOf(controlField);
                int s = u0.layout().indexOf(stateField);
                u0.unpack(s, controls.fields().owned(c));
            }

            @Override
            public void adjoint(Controls controls, Fields lambda0, Controls gradient) {
                FieldSpec spec = gradient.fields().spec(gradient.layout().fields().indexOf(controlField));
                double[] g = gradient.field(controlField);
                double[] lam = lambda0.get(stateField);
                FieldSpec lamSpec = lambda0.spec(lambda0.layout().indexOf(stateField));
                for (int j = 0; j < spec.ny(); j++) {
                    for (int i = 0; i < spec.nx(); i++) {
                        g[spec.index(i, j)] += lam[lamSpec.index(i, j)];
                    }
                }
            }

            @Override
            public void check(FieldLayout state, ControlLayout controls) {
                FieldSpec s = state.get(state.indexOf(stateField));
                FieldSpec c = controls.fields().get(controls.fields().indexOf(controlField));
                if (s.nx() != c.nx() || s.ny() != c.ny()) {
                    throw new IllegalArgumentException("initial state: control field '" + controlField + "' is "
                            + c.nx() + "x" + c.ny() + " but state field '" + stateField + "' is " + s.nx() + "x" + s.ny());
                }
            }
        };
    }
}
