package org.adjoint4j.solvers.shallowwater;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.TimeStepper;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.SerialCommunicator;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;

/** Small shallow-water problems and the states and directions the tests linearise at and perturb. */
final class ShallowWaterCases {

    private ShallowWaterCases() {
    }

    /** The boundaries of a case: walls in both directions, periodic in both, or periodic in x only (a channel). */
    enum Boundaries {
        WALLS(false, false), PERIODIC(true, true), CHANNEL(true, false);

        final boolean x;
        final boolean y;

        Boundaries(boolean x, boolean y) {
            this.x = x;
            this.y = y;
        }
    }

    /** A problem of nx × ny cells and {@code steps} steps with a β-plane, so that every term of R is exercised. */
    static ShallowWaterProblem.Builder builder(int nx, int ny, int steps, ShallowWaterIntegrator integrator,
                                               Boundaries boundaries) {
        return ShallowWaterProblem.builder().cells(nx, ny).steps(steps).integrator(integrator)
                .periodic(boundaries.x, boundaries.y).coriolis(0.5, 0.3).regionOfInterest(1.2, 1.9, 0.2, 0.8);
    }

    static ShallowWaterProblem problem(int nx, int ny, int steps, ShallowWaterIntegrator integrator, Boundaries boundaries) {
        return builder(nx, ny, steps, integrator, boundaries).build();
    }

    static ShallowWaterProblem problem(int nx, int ny, int steps, ShallowWaterIntegrator integrator, Boundaries boundaries,
                                       Communicator comm, int px, int py) {
        return builder(nx, ny, steps, integrator, boundaries).communicator(comm).processGrid(px, py).build();
    }

    /** u_n of a forward run from the problem's initial state at {@code controls}. */
    static Fields stateAt(ShallowWaterProblem p, Controls controls, int n) {
        TimeStepper stepper = p.stepper();
        Controls m = controls.copy();
        stepper.prepare(m);
        Fields u = new Fields(stepper.stateLayout());
        Fields next = new Fields(stepper.stateLayout());
        p.initialState().evaluate(m, u);
        for (int k = 0; k < n; k++) {
            stepper.forward(k, u, next, m);
            Fields t = u;
            u = next;
            next = t;
        }
        return u;
    }

    /**
     * A direction that perturbs only the named control field: a smooth pattern plus seeded noise, at
     * most {@code amplitude} in size.
     */
    static Controls direction(ShallowWaterProblem p, String field, double amplitude) {
        Controls d = new Controls(p.stepper().controlLayout());
        int f = d.layout().fields().indexOf(field);
        FieldSpec s = d.fields().spec(f);
        double[] values = new double[s.ownedLength()];
        Random random = new Random(11 + p.communicator().rank());
        for (int k = 0; k < values.length; k++) {
            values[k] = amplitude * (0.7 * Math.cos(0.3 * k) + 0.3 * (random.nextDouble() - 0.5));
        }
        d.fields().setOwned(f, values);
        return d;
    }

    /** Every integrator with every kind of boundary, as arguments of parameterised tests. */
    static Object[][] integratorsAndBoundaries() {
        List<Object[]> cases = new ArrayList<>();
        for (ShallowWaterIntegrator integrator : ShallowWaterIntegrator.values()) {
            for (Boundaries b : Boundaries.values()) {
                cases.add(new Object[] {integrator, b});
            }
        }
        return cases.toArray(new Object[0][]);
    }

    /** The one-rank communicator. */
    static Communicator serial() {
        return SerialCommunicator.instance();
    }

    /**
     * J, the gradient of each control field and dJ/du0 of each state field, gathered on rank 0 (x
     * fastest) as {{J}, bathymetry, eta0, drag, state fields...}; null on the other ranks. Collective.
     */
    static double[][] gathered(ShallowWaterProblem p, GradientResult r) {
        Communicator comm = p.communicator();
        List<double[]> out = new ArrayList<>();
        out.add(new double[] {r.value()});
        Fields g = r.gradient().fields();
        for (int f = 0; f < g.layout().size(); f++) {
            out.add(p.decomposition().gather(comm, g.owned(f), 0));
        }
        Fields l = r.initialStateGradient();
        for (int f = 0; f < l.layout().size(); f++) {
            out.add(p.decomposition().gather(comm, l.owned(f), 0));
        }
        return comm.rank() == 0 ? out.toArray(new double[0][]) : null;
    }

    /** What the parts of {@link #gathered} are, for messages. */
    static String part(ShallowWaterProblem p, int k) {
        if (k == 0) {
            return "J";
        }
        int controls = p.stepper().controlLayout().fields().size();
        return k <= controls ? "dJ/d" + p.stepper().controlLayout().fields().get(k - 1).name()
                : "dJ/du0 field " + p.stepper().stateLayout().get(k - 1 - controls).name();
    }

    /** Asserts that every part of two {@link #gathered} results agrees to 1e-12 of the part's largest value. */
    static void assertAgree(ShallowWaterProblem p, double[][] expected, double[][] actual, String what) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": " + expected.length + " parts expected, got " + actual.length);
        }
        for (int part = 0; part < expected.length; part++) {
            double scale = 0;
            for (double e : expected[part]) {
                scale = Math.max(scale, Math.abs(e));
            }
            for (int k = 0; k < expected[part].length; k++) {
                if (!(Math.abs(expected[part][k] - actual[part][k]) <= 1e-12 * scale)) {
                    throw new AssertionError(what + ", " + part(p, part) + "[" + k + "]: expected " + expected[part][k]
                            + ", got " + actual[part][k] + " (largest value " + scale + ")");
                }
            }
        }
    }

    /** Runs {@code program} on {@code ranks} in-process ranks and returns what rank 0 returned. */
    static <T> T onRanks(int ranks, Function<Communicator, T> program) {
        AtomicReference<T> result = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(ranks, (comm, args) -> {
            T r = program.apply(comm);
            if (comm.rank() == 0) {
                result.set(r);
            }
        }, new String[0], Duration.ofSeconds(120));
        if (!job.ok()) {
            throw new AssertionError(job.message());
        }
        return result.get();
    }
}
