package org.adjoint4j.adjoint;

import java.util.List;

/**
 * A stepper whose state u_n is known in closed form, so every call can check that it received
 * exactly u_n: owned cell k of field f holds {@code n + f/4 + k/1000}. It writes NaN into the ghost
 * cells it may overwrite, to show that nobody reads them. out = in + 1, so λ_n = λ_{n+1}.
 */
final class KnownStateStepper implements TimeStepper {

    static final FieldLayout STATE = new FieldLayout(List.of(
            FieldSpec.of("a", 3, 2, 1), new FieldSpec("b", 2, 1, 1, 0)));
    static final ControlLayout CONTROLS = new ControlLayout(new FieldLayout(List.of()), List.of("unused"));

    private final int steps;
    private int finalStep = -1;
    long forwardCalls;
    long finalQuestions;
    long adjointCalls;
    int nextAdjoint;
    String firstFailure;

    KnownStateStepper(int steps) {
        this.steps = steps;
        this.nextAdjoint = steps - 1;
    }

    /** Says "final" at {@code step} (for online runs, whose schedule does not know the length). */
    KnownStateStepper endingAt(int step) {
        this.finalStep = step;
        return this;
    }

    @Override
    public boolean isFinal(int n, Fields state, Controls controls) {
        finalQuestions++;
        if (!holds(n, state)) {
            fail("isFinal(" + n + ") did not receive u_" + n);
        }
        return n == finalStep;
    }

    static double value(int n, int field, int cell) {
        return n + field / 4.0 + cell / 1000.0;
    }

    static void write(int n, Fields u) {
        for (int f = 0; f < u.layout().size(); f++) {
            FieldSpec s = u.spec(f);
            for (int j = 0; j < s.ny(); j++) {
                for (int i = 0; i < s.nx(); i++) {
                    u.get(f)[s.index(i, j)] = value(n, f, j * s.nx() + i);
                }
            }
        }
    }

    private boolean holds(int n, Fields u) {
        for (int f = 0; f < u.layout().size(); f++) {
            FieldSpec s = u.spec(f);
            for (int j = 0; j < s.ny(); j++) {
                for (int i = 0; i < s.nx(); i++) {
                    if (u.get(f)[s.index(i, j)] != value(n, f, j * s.nx() + i)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static void scribbleOnGhosts(Fields u) {
        for (int f = 0; f < u.layout().size(); f++) {
            FieldSpec s = u.spec(f);
            double[] a = u.get(f);
            for (int j = -s.ghostY(); j < s.ny() + s.ghostY(); j++) {
                for (int i = -s.ghostX(); i < s.nx() + s.ghostX(); i++) {
                    if (i < 0 || j < 0 || i >= s.nx() || j >= s.ny()) {
                        a[s.index(i, j)] = Double.NaN;
                    }
                }
            }
        }
    }

    private void fail(String message) {
        if (firstFailure == null) {
            firstFailure = message;
        }
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
        forwardCalls++;
        if (n < 0 || n >= steps || !holds(n, in)) {
            fail("forward(" + n + ") did not receive u_" + n);
        }
        scribbleOnGhosts(in);
        write(n + 1, out);
        scribbleOnGhosts(out);
    }

    @Override
    public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient) {
        adjointCalls++;
        if (n != nextAdjoint) {
            fail("adjoint(" + n + ") came when adjoint(" + nextAdjoint + ") was due");
        }
        nextAdjoint = n - 1;
        if (!holds(n, in)) {
            fail("adjoint(" + n + ") did not receive u_" + n);
        }
        for (int f = 0; f < STATE.size(); f++) {
            adjIn.unpack(f, adjOut.owned(f));
        }
        scribbleOnGhosts(in);
        scribbleOnGhosts(adjOut);
    }

    /** u_0 = value(0, ...). */
    static InitialState initialState() {
        return new InitialState() {
            @Override
            public void evaluate(Controls controls, Fields u0) {
                write(0, u0);
            }

            @Override
            public void adjoint(Controls controls, Fields lambda0, Controls gradient) {
            }
        };
    }

    /** J = Σ owned cells of u_l, so λ = 1 everywhere. */
    static Objective sumOfFinalState() {
        return new Objective() {
            @Override
            public boolean observes(int n, boolean last) {
                return last;
            }

            @Override
            public double value(int n, boolean last, Fields u, Controls controls) {
                double sum = 0;
                for (int f = 0; f < u.layout().size(); f++) {
                    for (double v : u.owned(f)) {
                        sum += v;
                    }
                }
                return sum;
            }

            @Override
            public void gradient(int n, boolean last, Fields u, Controls controls, Fields adjoint, Controls gradient) {
                for (int f = 0; f < u.layout().size(); f++) {
                    double[] ones = new double[u.spec(f).ownedLength()];
                    java.util.Arrays.fill(ones, 1.0);
                    adjoint.unpack(f, ones);
                }
            }
        };
    }
}
