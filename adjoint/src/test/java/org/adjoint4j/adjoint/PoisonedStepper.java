package org.adjoint4j.adjoint;

import java.util.List;

/**
 * u_{n+1} = u_n/2 + 1 on two fields, except that forward step {@code badForward} writes
 * {@code badValue} into field 'b' cell (1, 0) and adjoint step {@code badAdjoint} writes NaN into
 * λ field 'a' cell (0, 1). A cell that is not finite maps to 1 in the next step, so a bad value
 * vanishes after one step unless it is stored or observed.
 */
final class PoisonedStepper implements TimeStepper {

    static final FieldLayout STATE = new FieldLayout(List.of(FieldSpec.of("a", 2, 2, 1), new FieldSpec("b", 3, 1, 0, 0)));
    static final ControlLayout CONTROLS = new ControlLayout(new FieldLayout(List.of()), List.of("s"));

    private final int badForward;
    private final int badAdjoint;
    private final double badValue;

    PoisonedStepper(int badForward, int badAdjoint, double badValue) {
        this.badForward = badForward;
        this.badAdjoint = badAdjoint;
        this.badValue = badValue;
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
    public void forward(int n, Fields in, Fields out, Controls controls) {
        for (int f = 0; f < STATE.size(); f++) {
            double[] x = in.get(f);
            double[] y = out.get(f);
            for (int k = 0; k < x.length; k++) {
                y[k] = Double.isFinite(x[k]) ? 0.5 * x[k] + 1 : 1;
            }
        }
        if (n == badForward) {
            out.get("b")[STATE.get(1).index(1, 0)] = badValue;
        }
    }

    @Override
    public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient) {
        for (int f = 0; f < STATE.size(); f++) {
            double[] x = in.get(f);
            double[] l = adjOut.get(f);
            double[] li = adjIn.get(f);
            for (int k = 0; k < x.length; k++) {
                li[k] = Double.isFinite(x[k]) ? 0.5 * l[k] : 0;
            }
        }
        if (n == badAdjoint) {
            adjIn.get("a")[STATE.get(0).index(0, 1)] = Double.NaN;
        }
    }
}
