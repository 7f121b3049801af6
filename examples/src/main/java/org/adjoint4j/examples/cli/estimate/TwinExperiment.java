package org.adjoint4j.examples.cli.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.model.Model;
import org.adjoint4j.examples.estimate.BackgroundPenalty;
import org.adjoint4j.examples.estimate.ObservationMisfit;
import org.adjoint4j.examples.estimate.Penalty;
import org.adjoint4j.examples.estimate.SeededNoise;
import org.adjoint4j.examples.estimate.SmoothnessPenalty;
import org.adjoint4j.examples.estimate.TwinObservations;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;

/**
 * A twin experiment on a configured model: the model's controls are the truth; observations of one
 * state field are synthesised from a forward run with them (plus seeded noise); the estimated
 * controls start from the first guess; the cost is the observation misfit plus the configured
 * regularisation. Built on every rank (a collective step: the forward run that makes the observations).
 */
public final class TwinExperiment {

    private final Model model;
    private final EstimateSettings settings;
    private final Set<String> estimated;
    private final Controls truth;
    private final Controls firstGuess;
    private final String observedField;
    private final TreeSet<Integer> steps;
    private final ObservationMisfit misfit;
    private final List<Penalty> penalties;
    private final long observedCells;

    private TwinExperiment(Model model, EstimateSettings settings, Set<String> estimated, Controls firstGuess,
                           String observedField, TreeSet<Integer> steps, ObservationMisfit misfit, List<Penalty> penalties,
                           long observedCells) {
        this.model = model;
        this.settings = settings;
        this.estimated = estimated;
        this.truth = model.initialControls();
        this.firstGuess = firstGuess;
        this.observedField = observedField;
        this.steps = steps;
        this.misfit = misfit;
        this.penalties = penalties;
        this.observedCells = observedCells;
    }

    /** What the settings resolve to on a model: the estimated controls, the observed field and steps. */
    private record Setup(Set<String> estimated, String field, TreeSet<Integer> steps) {
    }

    /**
     * Checks the settings against the model without computing anything.
     *
     * @param model         the model (its configured controls are the truth)
     * @param settings      the {@code [estimate]} settings
     * @param configuration the configuration the settings came from, for the origins in messages
     * @throws ConfigurationException naming the key and value that do not fit the model
     */
    public static void check(Model model, EstimateSettings settings, Configuration configuration) {
        setup(model, settings, configuration);
    }

    /**
     * Checks the settings against the model and sets the experiment up: a collective call that runs
     * the model once with the true controls to make the observations.
     *
     * @param model         this rank's part of the model (its configured controls are the truth)
     * @param settings      the {@code [estimate]} settings
     * @param configuration the configuration the settings came from, for the origins in messages
     * @return the experiment, with this rank's observations, first guess and penalties
     * @throws ConfigurationException naming the key and value that do not fit the model
     */
    public static TwinExperiment of(Model model, EstimateSettings settings, Configuration configuration) {
        Setup setup = setup(model, settings, configuration);
        Set<String> estimated = setup.estimated();
        String field = setup.field();
        TreeSet<Integer> steps = setup.steps();
        FieldLayout state = model.stepper().stateLayout();
        Communicator comm = model.communicator();
        Block block = model.decomposition().block(comm.rank());
        Controls truth = model.initialControls();
        double sigma = settings.noise();
        Map<Integer, double[]> y = TwinObservations.synthesise(model.stepper(), model.initialState(), truth,
                model.steps(), field, steps, sigma, settings.seed(), block.offsetX(), block.offsetY());
        ObservationMisfit misfit = new ObservationMisfit(field, sigma > 0 ? sigma : 1, settings.stride(), block.offsetX(),
                block.offsetY(), y);
        Controls guess = firstGuess(truth, settings, block);
        List<Penalty> penalties = new ArrayList<>();
        settings.smoothness().forEach((c, w) -> penalties.add(new SmoothnessPenalty(c, w, comm, model.decomposition())));
        settings.background().forEach((c, s) -> penalties.add(new BackgroundPenalty(c, s, guess, comm)));
        FieldSpec observed = state.get(state.indexOf(field));
        long cells = 0;
        for (int j = 0; j < observed.ny(); j++) {
            for (int i = 0; i < observed.nx(); i++) {
                if (misfit.observed(block.offsetX() + i, block.offsetY() + j)) {
                    cells++;
                }
            }
        }
        long observedCells = Math.round(comm.allreduce((double) cells, ReduceOp.SUM));
        return new TwinExperiment(model, settings, estimated, guess, field, steps, misfit, penalties, observedCells);
    }

    private static Setup setup(Model model, EstimateSettings settings, Configuration configuration) {
        ControlLayout layout = model.stepper().controlLayout();
        List<String> known = new ArrayList<>(layout.fields().names());
        known.addAll(layout.scalars());
        if (settings.controls().isEmpty()) {
            throw ConfigurationException.notAllowed(EstimateSettings.CONTROLS.name(), "[]",
                    "at least one control of the model: " + String.join(", ", known),
                    configuration.origin(EstimateSettings.CONTROLS));
        }
        for (String c : settings.controls()) {
            if (!known.contains(c)) {
                throw ConfigurationException.notAllowed(EstimateSettings.CONTROLS.name(), "\"" + c + "\"",
                        "controls of the model " + model.type() + ": " + String.join(", ", known),
                        configuration.origin(EstimateSettings.CONTROLS));
            }
        }
        Set<String> estimated = new LinkedHashSet<>(settings.controls());
        for (FirstGuess g : settings.firstGuess()) {
            requireEstimated(g.control(), EstimateSettings.FIRST_GUESS.name(), estimated, configuration,
                    configuration.origin(EstimateSettings.FIRST_GUESS));
        }
        for (String c : settings.smoothness().keySet()) {
            requireEstimated(c, EstimateSettings.SMOOTHNESS.name(), estimated, configuration,
                    configuration.origin(EstimateSettings.SMOOTHNESS));
            if (!layout.fields().names().contains(c)) {
                throw ConfigurationException.notAllowed(EstimateSettings.SMOOTHNESS.name(), "\"" + c + "\"",
                        "control fields (smoothness needs neighbouring cells): " + layout.fields().names(),
                        configuration.origin(EstimateSettings.SMOOTHNESS));
            }
        }
        for (String c : settings.background().keySet()) {
            requireEstimated(c, EstimateSettings.BACKGROUND.name(), estimated, configuration,
                    configuration.origin(EstimateSettings.BACKGROUND));
        }
        FieldLayout state = model.stepper().stateLayout();
        String field = settings.observedField().orElse(state.get(0).name());
        if (!state.names().contains(field)) {
            throw ConfigurationException.notAllowed(EstimateSettings.OBSERVED_FIELD.name(), "\"" + field + "\"",
                    "a state field of the model " + model.type() + ": " + String.join(", ", state.names())
                            + " or \"first\"", configuration.origin(EstimateSettings.OBSERVED_FIELD));
        }
        TreeSet<Integer> steps = new TreeSet<>(settings.observationSteps());
        for (int n : steps) {
            if (n > model.steps()) {
                throw ConfigurationException.notAllowed(EstimateSettings.OBSERVATION_STEPS.name(), Integer.toString(n),
                        "steps in [0, " + model.steps() + "] (model steps)",
                        configuration.origin(EstimateSettings.OBSERVATION_STEPS));
            }
        }
        if (settings.interval() > 0) {
            for (int n = settings.interval(); n <= model.steps(); n += settings.interval()) {
                steps.add(n);
            }
        }
        if (steps.isEmpty()) {
            steps.add(model.steps());
        }
        return new Setup(estimated, field, steps);
    }

    private static void requireEstimated(String control, String key, Set<String> estimated, Configuration configuration,
                                         String origin) {
        if (!estimated.contains(control)) {
            throw ConfigurationException.notAllowed(key, "an entry for \"" + control + "\"",
                    "entries for estimated controls (estimate.controls): " + String.join(", ", estimated), origin);
        }
    }

    private static Controls firstGuess(Controls truth, EstimateSettings settings, Block block) {
        Controls guess = truth.copy();
        ControlLayout layout = truth.layout();
        for (FirstGuess g : settings.firstGuess()) {
            if (layout.scalars().contains(g.control())) {
                double t = truth.scalar(g.control());
                guess.setScalar(g.control(), switch (g.kind()) {
                    case CONSTANT -> g.number();
                    case SCALED -> t * g.number();
                    case NOISE -> t + g.number() * SeededNoise.gaussian(settings.seed() + 1, -1 - layout.scalarIndex(g.control()),
                            0, 0);
                });
                continue;
            }
            int f = layout.fields().indexOf(g.control());
            FieldSpec s = layout.fields().get(f);
            double[] m = guess.fields().get(f);
            for (int j = 0; j < s.ny(); j++) {
                for (int i = 0; i < s.nx(); i++) {
                    int k = s.index(i, j);
                    m[k] = switch (g.kind()) {
                        case CONSTANT -> g.number();
                        case SCALED -> m[k] * g.number();
                        case NOISE -> m[k] + g.number() * SeededNoise.gaussian(settings.seed() + 1, -1000 - f,
                                block.offsetX() + i, block.offsetY() + j);
                    };
                }
            }
        }
        return guess;
    }

    /**
     * The relative error of each estimated control at {@code m}: ‖m − m<sub>true</sub>‖₂ / ‖m<sub>true</sub>‖₂
     * over all ranks for a field, |m − m<sub>true</sub>| / |m<sub>true</sub>| for a scalar (absolute
     * errors where the truth is zero). A collective call.
     *
     * @param m this rank's part of a point in control space, with the model's control layout; read only
     * @return estimated control → its error, in the order of {@link #estimated()}; the same on every rank
     */
    public Map<String, Double> errors(Controls m) {
        Map<String, Double> errors = new LinkedHashMap<>();
        ControlLayout layout = m.layout();
        Communicator comm = model.communicator();
        for (String c : estimated) {
            if (layout.scalars().contains(c)) {
                double t = truth.scalar(c);
                double d = Math.abs(m.scalar(c) - t);
                errors.put(c, t == 0 ? d : d / Math.abs(t));
                continue;
            }
            int f = layout.fields().indexOf(c);
            FieldSpec s = layout.fields().get(f);
            double[] a = m.fields().get(f);
            double[] t = truth.fields().get(f);
            double[] sums = new double[2];
            for (int j = 0; j < s.ny(); j++) {
                for (int i = 0; i < s.nx(); i++) {
                    int k = s.index(i, j);
                    sums[0] += (a[k] - t[k]) * (a[k] - t[k]);
                    sums[1] += t[k] * t[k];
                }
            }
            comm.allreduce(sums, 0, 2, ReduceOp.SUM);
            errors.put(c, sums[1] == 0 ? Math.sqrt(sums[0]) : Math.sqrt(sums[0] / sums[1]));
        }
        return errors;
    }

    /**
     * The model (its controls are the truth).
     *
     * @return this rank's part of the model
     */
    public Model model() {
        return model;
    }

    /**
     * The settings.
     *
     * @return the {@code [estimate]} settings the experiment was built from
     */
    public EstimateSettings settings() {
        return settings;
    }

    /**
     * The names of the estimated controls, in the order of {@code estimate.controls}.
     *
     * @return the names, not empty; the set is the experiment's own and must not be modified
     */
    public Set<String> estimated() {
        return estimated;
    }

    /**
     * A copy of the true controls.
     *
     * @return this rank's part of the truth; the caller owns it
     */
    public Controls truth() {
        return truth.copy();
    }

    /**
     * A copy of the first guess: the truth with the estimated controls set as configured.
     *
     * @return this rank's part of the first guess; the caller owns it
     */
    public Controls firstGuess() {
        return firstGuess.copy();
    }

    /**
     * The misfit to the synthetic observations.
     *
     * @return the objective J<sub>o</sub>, holding this rank's observations
     */
    public ObservationMisfit misfit() {
        return misfit;
    }

    /**
     * The regularisation and background terms.
     *
     * @return smoothness terms first, then background terms; may be empty; must not be modified
     */
    public List<Penalty> penalties() {
        return penalties;
    }

    /**
     * The observed state field.
     *
     * @return the field's name in the model's state layout
     */
    public String observedField() {
        return observedField;
    }

    /**
     * The observation steps, increasing.
     *
     * @return a new set of steps, each in [0, model steps]; not empty
     */
    public TreeSet<Integer> steps() {
        return new TreeSet<>(steps);
    }

    /**
     * Observed cells per observation step, over all ranks.
     *
     * @return the number of cells of the global grid whose indices are multiples of the stride
     */
    public long observedCells() {
        return observedCells;
    }
}
