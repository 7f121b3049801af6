package org.adjoint4j.examples.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.examples.cli.model.FieldInfo;
import org.adjoint4j.examples.cli.model.Model;

/**
 * The fields of a gradient computation that go to the output files: dJ/dm for every control field
 * ({@code gradient/NAME}) and the final state u<sub>T</sub> ({@code final_state/NAME}), with names,
 * units and descriptions from the model, gathered from every rank's block to rank 0.
 */
public final class ResultFields {

    private ResultFields() {
    }

    /**
     * The gradient fields, then the final-state fields, in layout order, on rank 0; an empty list on the
     * other ranks. A collective call.
     *
     * @param model  this rank's part of the model: names, units, grid and the gathering of fields
     * @param result this rank's result of a gradient computation; read only
     * @return the global fields on rank 0, gathered into new arrays; an empty list elsewhere
     */
    public static List<GriddedField> of(Model model, GradientResult result) {
        boolean root = model.communicator().rank() == 0;
        List<GriddedField> out = new ArrayList<>();
        FieldInfo j = model.objectiveInfo();
        Fields gradient = result.gradient().fields();
        for (int f = 0; f < gradient.layout().size(); f++) {
            FieldSpec s = gradient.spec(f);
            FieldInfo info = model.field(s.name());
            double[] global = model.gather(gradient.owned(f));
            if (root) {
                out.add(new GriddedField("gradient/" + s.name(), "d" + j.name() + "/d" + s.name(), quotient(j.units(), info.units()),
                        "derivative of " + j.name() + " with respect to the " + info.longName() + " (" + s.name()
                                + ") of each cell, not divided by the cell area", model.grid().nx(), model.grid().ny(), global));
            }
        }
        Fields state = result.finalState();
        FieldLayout layout = state.layout();
        for (int f = 0; f < layout.size(); f++) {
            FieldSpec s = state.spec(f);
            FieldInfo info = model.field(s.name());
            double[] global = model.gather(state.owned(f));
            if (root) {
                out.add(new GriddedField("final_state/" + s.name(), s.name() + " at step " + model.steps(), info.units(),
                        info.longName() + " (" + s.name() + ") after the last of " + model.steps() + " steps",
                        model.grid().nx(), model.grid().ny(), global));
            }
        }
        return out;
    }

    /** Units of a derivative: "1" over "1" is "1"; otherwise "J-units (m-units)-1" written as a quotient. */
    static String quotient(String numerator, String denominator) {
        if (denominator.equals("1")) {
            return numerator;
        }
        return (numerator.equals("1") ? "1" : numerator) + "/(" + denominator + ")";
    }
}
