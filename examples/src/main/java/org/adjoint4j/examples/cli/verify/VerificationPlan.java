package org.adjoint4j.examples.cli.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.ReducedFunctional;
import org.adjoint4j.adjoint.TimeStepper;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ValueTypes;
import org.adjoint4j.examples.cli.model.Model;
import org.adjoint4j.examples.estimate.SeededNoise;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;

/**
 * The checks of {@code adjoint4j verify}, in the order they run: the dot-product test of the
 * stepper at a few steps, then Taylor tests of the whole gradient in one direction per control and in
 * one direction perturbing all controls together. Further kinds of check join this list.
 */
public final class VerificationPlan {

    /** {@code verification.dot_product_steps}. */
    public static final ConfigKey<List<Integer>> DOT_PRODUCT_STEPS = ConfigKey.optional("verification.dot_product_steps",
            ValueTypes.integerList(0, Integer.MAX_VALUE), List.of(),
            "steps n whose adjoint gets a dot-product test at u_n, each below model.steps; empty: the first, middle and last step");
    /** {@code verification.taylor_points}. */
    public static final ConfigKey<Integer> TAYLOR_POINTS = ConfigKey.optional("verification.taylor_points",
            ValueTypes.integer(3, 30), 6,
            "step sizes h of each Taylor test, halving from h0 = 0.01, each control perturbed by up to h times its own largest value");
    /** {@code verification.seed}. */
    public static final ConfigKey<Integer> SEED = ConfigKey.optional("verification.seed",
            ValueTypes.integer(0, Integer.MAX_VALUE), 1, "seed of the random directions of the dot-product and Taylor tests");
    /** The keys of the {@code [verification]} section. */
    public static final List<ConfigKey<?>> KEYS = List.of(DOT_PRODUCT_STEPS, TAYLOR_POINTS, SEED);

    private VerificationPlan() {
    }

    /**
     * The checks for {@code model} as {@code configuration}'s {@code [verification]} section asks.
     * Runs the forward model once, up to the last step to be dot-product tested, to get the states.
     *
     * @param model         this rank's part of the model; its initial controls are the point tested
     * @param configuration a configuration with the {@link #KEYS} of {@code [verification]}
     * @param functional the gradient to Taylor-test (the driver with the configured schedule)
     * @param comm          the ranks of the run
     * @return the dot-product checks (per step, then of the halo exchange on more than one rank), then
     *         one Taylor check per control and, with more than one control, one of all controls
     * @throws ConfigurationException if a dot-product step is not below the model's number of steps
     */
    public static List<VerificationCheck> checks(Model model, Configuration configuration, ReducedFunctional functional,
                                                 Communicator comm) {
        int seed = configuration.get(SEED);
        Controls m = model.initialControls();
        Block block = model.decomposition().block(comm.rank());
        List<VerificationCheck> checks = new ArrayList<>();
        TreeMap<Integer, Fields> states = forwardStates(model, m, dotProductSteps(model, configuration));
        states.forEach((n, u) -> checks.add(new StepDotProductCheck(model.stepper(), n, u, m, seed, comm)));
        if (comm.size() > 1) {
            checks.add(new HaloExchangeCheck(model, false, seed));
            checks.add(new HaloExchangeCheck(model, true, seed));
        }

        int points = configuration.get(TAYLOR_POINTS);
        ControlLayout layout = m.layout();
        List<String> names = new ArrayList<>(layout.fields().names());
        names.addAll(layout.scalars());
        for (int k = 0; k < names.size(); k++) {
            checks.add(new TaylorCheck(functional, m, names.get(k), direction(m, names.get(k), seed + 1L + k, comm, block), points));
        }
        if (names.size() > 1) {
            checks.add(new TaylorCheck(functional, m, "all controls", direction(m, null, seed, comm, block), points));
        }
        return checks;
    }

    /**
     * The Taylor test of the whole gradient in a random direction of all controls, as {@code run} offers it.
     *
     * @param model         this rank's part of the model; its initial controls are the point tested
     * @param configuration a configuration with the {@link #KEYS} of {@code [verification]}
     * @param functional    J and its gradient (the driver with the configured schedule)
     * @return the check, not yet run; making its direction is a collective call
     */
    public static VerificationCheck taylorCheck(Model model, Configuration configuration, ReducedFunctional functional) {
        Controls m = model.initialControls();
        return new TaylorCheck(functional, m, "all controls", direction(m, null, configuration.get(SEED),
                model.communicator(), model.decomposition().block(model.communicator().rank())), configuration.get(TAYLOR_POINTS));
    }

    private static TreeSet<Integer> dotProductSteps(Model model, Configuration configuration) {
        int steps = model.steps();
        List<Integer> given = configuration.get(DOT_PRODUCT_STEPS);
        TreeSet<Integer> chosen = new TreeSet<>();
        if (given.isEmpty()) {
            chosen.add(0);
            chosen.add(steps / 2);
            chosen.add(steps - 1);
            return chosen;
        }
        for (int n : given) {
            if (n >= steps) {
                throw ConfigurationException.notAllowed(DOT_PRODUCT_STEPS.name(), Integer.toString(n),
                        "steps in [0, " + (steps - 1) + "]", configuration.origin(DOT_PRODUCT_STEPS) + "; the model has "
                                + steps + " steps");
            }
            chosen.add(n);
        }
        return chosen;
    }

    /** u_n for each n in {@code steps}, from a forward run at {@code controls} (not modified). */
    private static TreeMap<Integer, Fields> forwardStates(Model model, Controls controls, TreeSet<Integer> steps) {
        TimeStepper stepper = model.stepper();
        Controls m = controls.copy();
        stepper.prepare(m);
        Fields u = new Fields(stepper.stateLayout());
        Fields next = new Fields(stepper.stateLayout());
        model.initialState().evaluate(m, u);
        TreeMap<Integer, Fields> states = new TreeMap<>();
        for (int n = 0; n <= steps.last(); n++) {
            if (steps.contains(n)) {
                states.put(n, u.ownedCopy());
            }
            if (n < steps.last()) {
                stepper.forward(n, u, next, m);
                Fields swap = u;
                u = next;
                next = swap;
            }
        }
        return states;
    }

    /**
     * A seeded direction in the control called {@code only} (a field or a scalar) and zero elsewhere;
     * in every control when {@code only} is null. Values are uniform in [-1, 1) times the control's
     * largest absolute value at {@code at} over all ranks (1 where that is zero), so that a step h
     * perturbs every control by up to h times its own size, whatever the units of the controls. Each
     * value is a hash of the seed, the control and the global cell ({@link SeededNoise#uniform}), so the
     * direction, and with it the Taylor test, is the same on any number of ranks. A collective call.
     */
    static Controls direction(Controls at, String only, long seed, Communicator comm, Block block) {
        ControlLayout layout = at.layout();
        Controls d = new Controls(layout);
        double[] scalars = d.scalars();
        for (int k = 0; k < scalars.length; k++) {
            if (only == null || only.equals(layout.scalars().get(k))) {
                scalars[k] = SeededNoise.uniform(seed, -1 - k, 0, 0) * scale(Math.abs(at.scalars()[k]));
            }
        }
        Fields fields = d.fields();
        for (int f = 0; f < fields.layout().size(); f++) {
            FieldSpec s = fields.spec(f);
            double size = scale(comm.allreduce(maxAbsOwned(at.fields(), f), ReduceOp.MAX));
            if (only == null || only.equals(s.name())) {
                double[] a = fields.get(f);
                for (int j = 0; j < s.ny(); j++) {
                    for (int i = 0; i < s.nx(); i++) {
                        a[s.index(i, j)] = SeededNoise.uniform(seed, f, block.offsetX() + i, block.offsetY() + j) * size;
                    }
                }
            }
        }
        return d;
    }

    private static double scale(double size) {
        return size > 0 && Double.isFinite(size) ? size : 1.0;
    }

    private static double maxAbsOwned(Fields fields, int f) {
        double max = 0;
        for (double v : fields.owned(f)) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
