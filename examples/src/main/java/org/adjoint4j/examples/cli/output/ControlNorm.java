package org.adjoint4j.examples.cli.output;

import java.util.ArrayList;
import java.util.List;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;

/**
 * The size of the gradient with respect to one control: for a field, the 2-norm and the largest
 * absolute value over all cells of all ranks; for a scalar, its value.
 *
 * @param control the control's name
 * @param scalar  true for a replicated scalar, false for a field
 * @param norm2   sqrt(Σ g²) over the field's cells; |g| for a scalar
 * @param normMax max |g| over the field's cells; |g| for a scalar
 * @param value   the derivative itself for a scalar; 0 for a field
 */
public record ControlNorm(String control, boolean scalar, double norm2, double normMax, double value) {

    /**
     * The norms of every control of {@code gradient}, fields first; collective over {@code comm}.
     *
     * @param gradient this rank's part of dJ/dm: owned cells of the fields, replicated scalars; read only
     * @param comm     the ranks the control fields are spread over
     * @return one norm per control, fields in layout order then scalars; the same on every rank
     */
    public static List<ControlNorm> of(Controls gradient, Communicator comm) {
        List<ControlNorm> norms = new ArrayList<>();
        ControlLayout layout = gradient.layout();
        Fields fields = gradient.fields();
        for (int f = 0; f < fields.layout().size(); f++) {
            FieldSpec s = fields.spec(f);
            double[] g = fields.get(f);
            double sum = 0;
            double max = 0;
            for (int j = 0; j < s.ny(); j++) {
                for (int i = 0; i < s.nx(); i++) {
                    double v = g[s.index(i, j)];
                    sum += v * v;
                    max = Math.max(max, Math.abs(v));
                }
            }
            double total = comm.allreduce(sum, ReduceOp.SUM);
            norms.add(new ControlNorm(s.name(), false, Math.sqrt(total), comm.allreduce(max, ReduceOp.MAX), 0));
        }
        double[] scalars = gradient.scalars();
        for (int i = 0; i < scalars.length; i++) {
            double a = Math.abs(scalars[i]);
            norms.add(new ControlNorm(layout.scalars().get(i), true, a, a, scalars[i]));
        }
        return norms;
    }
}
