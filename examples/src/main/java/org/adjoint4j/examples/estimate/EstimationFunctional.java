package org.adjoint4j.examples.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashSet;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.ReducedFunctional;
import org.adjoint4j.mpi.Communicator;

/**
 * The cost of an estimation, J(m) = J<sub>o</sub>(m) + Σ R<sub>i</sub>(m): a data term (a reduced
 * functional such as an adjoint driver with a misfit objective) plus penalties on the controls. Only
 * the controls being estimated move: the gradient of the others is reported as zero, so an optimiser
 * leaves them at their starting values. Remembers the parts of the last evaluation for reporting.
 */
public final class EstimationFunctional implements ReducedFunctional {

    private final ReducedFunctional data;
    private final List<Penalty> penalties;
    private final boolean[] estimatedFields;
    private final boolean[] estimatedScalars;
    private double lastData = Double.NaN;
    private double lastPenalty = Double.NaN;

    /**
     * The cost of estimating the controls named in {@code estimated}.
     *
     * @param data      J<sub>o</sub>(m) and its gradient
     * @param penalties the penalty terms (may be empty)
     * @param estimated names of the control fields and scalars that move; not empty
     * @throws IllegalArgumentException naming an unknown control, or if {@code estimated} is empty
     */
    public EstimationFunctional(ReducedFunctional data, List<Penalty> penalties, Set<String> estimated) {
        this.data = Objects.requireNonNull(data, "data");
        this.penalties = List.copyOf(penalties);
        ControlLayout layout = data.controlLayout();
        if (estimated.isEmpty()) {
            throw new IllegalArgumentException("estimated controls must not be empty; controls are " + known(layout));
        }
        for (String name : estimated) {
            if (!layout.fields().names().contains(name) && !layout.scalars().contains(name)) {
                throw new IllegalArgumentException("no control called '" + name + "'; controls are " + known(layout));
            }
        }
        this.estimatedFields = new boolean[layout.fields().size()];
        for (int f = 0; f < estimatedFields.length; f++) {
            estimatedFields[f] = estimated.contains(layout.fields().get(f).name());
        }
        this.estimatedScalars = new boolean[layout.scalars().size()];
        for (int s = 0; s < estimatedScalars.length; s++) {
            estimatedScalars[s] = estimated.contains(layout.scalars().get(s));
        }
    }

    private static List<String> known(ControlLayout layout) {
        List<String> names = new ArrayList<>(layout.fields().names());
        names.addAll(layout.scalars());
        return names;
    }

    /**
     * The names of the estimated controls, fields first, in layout order.
     *
     * @return a new, modifiable set with iteration in that order; never empty
     */
    public Set<String> estimated() {
        Set<String> names = new LinkedHashSet<>();
        ControlLayout layout = data.controlLayout();
        for (int f = 0; f < estimatedFields.length; f++) {
            if (estimatedFields[f]) {
                names.add(layout.fields().get(f).name());
            }
        }
        for (int s = 0; s < estimatedScalars.length; s++) {
            if (estimatedScalars[s]) {
                names.add(layout.scalars().get(s));
            }
        }
        return names;
    }

    @Override
    public ControlLayout controlLayout() {
        return data.controlLayout();
    }

    @Override
    public Communicator communicator() {
        return data.communicator();
    }

    @Override
    public double value(Controls controls) {
        double jo = data.value(controls);
        return record(jo, penaltyValue(controls));
    }

    @Override
    public GradientResult gradient(Controls controls) {
        GradientResult r = data.gradient(controls);
        Controls g = r.gradient().copy();
        for (Penalty p : penalties) {
            p.addGradient(controls, g);
        }
        for (int f = 0; f < estimatedFields.length; f++) {
            if (!estimatedFields[f]) {
                Arrays.fill(g.fields().get(f), 0.0);
            }
        }
        for (int s = 0; s < estimatedScalars.length; s++) {
            if (!estimatedScalars[s]) {
                g.scalars()[s] = 0;
            }
        }
        double total = record(r.value(), penaltyValue(controls));
        return new GradientResult(total, g, r.initialStateGradient(), r.finalState(), r.statistics());
    }

    private double penaltyValue(Controls controls) {
        double sum = 0;
        for (Penalty p : penalties) {
            sum += p.value(controls);
        }
        return sum;
    }

    private double record(double jo, double penalty) {
        lastData = jo;
        lastPenalty = penalty;
        return jo + penalty;
    }

    /**
     * J<sub>o</sub> at the last evaluated point; NaN before the first evaluation.
     *
     * @return the data term of the last {@link #value} or {@link #gradient} call, the same on every rank
     */
    public double lastDataTerm() {
        return lastData;
    }

    /**
     * Σ R<sub>i</sub> at the last evaluated point; NaN before the first evaluation.
     *
     * @return the sum of the penalty terms of the last {@link #value} or {@link #gradient} call
     */
    public double lastPenaltyTerm() {
        return lastPenalty;
    }

    /**
     * The penalty terms.
     *
     * @return an unmodifiable list, in the order given to the constructor; may be empty
     */
    public List<Penalty> penalties() {
        return penalties;
    }
}
