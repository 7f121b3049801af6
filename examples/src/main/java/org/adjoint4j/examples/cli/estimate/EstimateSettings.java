package org.adjoint4j.examples.cli.estimate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ValueTypes;

/**
 * The {@code [estimate]} section: a twin experiment. Observations of one state field are synthesised
 * from the model's configured controls (the truth), and the estimated controls are recovered from a
 * first guess by minimising the misfit plus regularisation.
 *
 * @param controls          the estimated controls, by name
 * @param firstGuess        how estimated controls start (others in the list may be absent: they start at the truth)
 * @param observedField     the observed state field; empty for the model's first state field
 * @param observationSteps  explicit observation steps
 * @param interval          observe every interval-th step (0: only the explicit steps, or the final step)
 * @param stride            observe every stride-th cell in each direction
 * @param noise             σ of the observation noise (and of the misfit weighting; 0: unit weights, no noise)
 * @param seed              seed of the noise
 * @param smoothness        control → weight of its smoothness regularisation
 * @param background        control → σ of its background term around the first guess
 * @param optimizer         "lbfgs" or "nonlinear-cg"
 * @param maxIterations     the iteration limit
 * @param gradientTolerance stop when the gradient norm falls below this fraction of its first value
 * @param lbfgsMemory       L-BFGS pairs kept
 */
public record EstimateSettings(List<String> controls, List<FirstGuess> firstGuess, Optional<String> observedField,
                               List<Integer> observationSteps, int interval, int stride, double noise, long seed,
                               Map<String, Double> smoothness, Map<String, Double> background, String optimizer,
                               int maxIterations, double gradientTolerance, int lbfgsMemory) {

    /** {@code estimate.controls}. */
    public static final ConfigKey<List<String>> CONTROLS = ConfigKey.optional("estimate.controls", ValueTypes.textList(),
            List.of(), "names of the controls to estimate (fields or scalars of the model); `estimate` needs at least one");
    /** {@code estimate.first_guess}. */
    public static final ConfigKey<List<String>> FIRST_GUESS = ConfigKey.optional("estimate.first_guess",
            ValueTypes.textList(), List.of(), "where estimated controls start, one entry each: " + FirstGuess.FORMS
                    + "; a control not listed starts at its true value");
    /** {@code estimate.observed_field}. */
    public static final ConfigKey<String> OBSERVED_FIELD = ConfigKey.optional("estimate.observed_field",
            ValueTypes.text(), "first", "the state field observed; \"first\" for the model's first state field");
    /** {@code estimate.observation_steps}. */
    public static final ConfigKey<List<Integer>> OBSERVATION_STEPS = ConfigKey.optional("estimate.observation_steps",
            ValueTypes.integerList(0, Integer.MAX_VALUE), List.of(),
            "steps at which the field is observed, each in [0, model steps]; with observation_interval, both sets");
    /** {@code estimate.observation_interval}. */
    public static final ConfigKey<Integer> OBSERVATION_INTERVAL = ConfigKey.optional("estimate.observation_interval",
            ValueTypes.integer(0, Integer.MAX_VALUE), 0,
            "observe every k-th step (k, 2k, ... up to the last step); 0 for none; with neither this nor"
                    + " observation_steps, the last step only");
    /** {@code estimate.observation_stride}. */
    public static final ConfigKey<Integer> OBSERVATION_STRIDE = ConfigKey.optional("estimate.observation_stride",
            ValueTypes.integer(1, Integer.MAX_VALUE), 1,
            "observe the cells whose global indices i and j are multiples of this (1: every cell)");
    /** {@code estimate.noise}. */
    public static final ConfigKey<Double> NOISE = ConfigKey.optional("estimate.noise", ValueTypes.nonNegativeNumber(), 0.0,
            "standard deviation of the seeded Gaussian noise added to the synthetic observations; the misfit weighs"
                    + " them by 1/noise^2 (by 1 when 0)");
    /** {@code estimate.seed}. */
    public static final ConfigKey<Integer> SEED = ConfigKey.optional("estimate.seed", ValueTypes.integer(0, Integer.MAX_VALUE),
            1, "seed of the observation noise and of noisy first guesses");
    /** {@code estimate.smoothness}. */
    public static final ConfigKey<List<String>> SMOOTHNESS = ConfigKey.optional("estimate.smoothness",
            ValueTypes.textList(), List.of(), "smoothness regularisation, \"NAME = WEIGHT\" per control field:"
                    + " WEIGHT/2 times the sum over neighbouring cells of the squared difference");
    /** {@code estimate.background}. */
    public static final ConfigKey<List<String>> BACKGROUND = ConfigKey.optional("estimate.background",
            ValueTypes.textList(), List.of(), "background terms, \"NAME = SIGMA\" per control: half the squared distance"
                    + " to the first guess over SIGMA^2");
    /** {@code estimate.optimizer}. */
    public static final ConfigKey<String> OPTIMIZER = ConfigKey.optional("estimate.optimizer",
            ValueTypes.oneOf(List.of("lbfgs", "nonlinear-cg")), "lbfgs",
            "lbfgs: the project's L-BFGS; nonlinear-cg: Apache Commons Math's nonlinear conjugate gradient");
    /** {@code estimate.max_iterations}. */
    public static final ConfigKey<Integer> MAX_ITERATIONS = ConfigKey.optional("estimate.max_iterations",
            ValueTypes.integer(1, Integer.MAX_VALUE), 50, "the iteration limit of the optimiser");
    /** {@code estimate.gradient_tolerance}. */
    public static final ConfigKey<Double> GRADIENT_TOLERANCE = ConfigKey.optional("estimate.gradient_tolerance",
            ValueTypes.nonNegativeNumber(), 1e-6, "stop when the gradient norm falls below this fraction of its first"
                    + " value; below 1");
    /** {@code estimate.lbfgs_memory}. */
    public static final ConfigKey<Integer> LBFGS_MEMORY = ConfigKey.optional("estimate.lbfgs_memory",
            ValueTypes.integer(1, 1000), 7, "pairs of steps and gradient changes L-BFGS keeps");

    /** The keys of {@code [estimate]}, in documentation order. */
    public static final List<ConfigKey<?>> KEYS = List.of(CONTROLS, FIRST_GUESS, OBSERVED_FIELD, OBSERVATION_STEPS,
            OBSERVATION_INTERVAL, OBSERVATION_STRIDE, NOISE, SEED, SMOOTHNESS, BACKGROUND, OPTIMIZER, MAX_ITERATIONS,
            GRADIENT_TOLERANCE, LBFGS_MEMORY);

    /**
     * The settings of {@code configuration}, each entry of the lists checked for its form.
     *
     * @param configuration a configuration read with {@link #KEYS}
     * @return the settings; names in them are not yet checked against a model (see
     *         {@link TwinExperiment#check})
     * @throws ConfigurationException naming the key and the entry that is malformed, or if the gradient
     *         tolerance is not below 1
     */
    public static EstimateSettings from(Configuration configuration) {
        List<FirstGuess> guesses = new ArrayList<>();
        List<String> guessed = new ArrayList<>();
        for (String entry : configuration.get(FIRST_GUESS)) {
            FirstGuess g = FirstGuess.parse(entry).orElseThrow(() -> ConfigurationException.notAllowed(FIRST_GUESS.name(),
                    "\"" + entry + "\"", FirstGuess.FORMS + " with finite numbers (SIGMA >= 0)",
                    configuration.origin(FIRST_GUESS)));
            if (guessed.contains(g.control())) {
                throw ConfigurationException.notAllowed(FIRST_GUESS.name(), "\"" + entry + "\"",
                        "one entry per control; " + g.control() + " appears twice", configuration.origin(FIRST_GUESS));
            }
            guessed.add(g.control());
            guesses.add(g);
        }
        double tolerance = configuration.get(GRADIENT_TOLERANCE);
        if (tolerance >= 1) {
            throw ConfigurationException.notAllowed(GRADIENT_TOLERANCE.name(), Double.toString(tolerance),
                    "a number in [0, 1)", configuration.origin(GRADIENT_TOLERANCE));
        }
        String field = configuration.get(OBSERVED_FIELD);
        return new EstimateSettings(configuration.get(CONTROLS), guesses,
                field.equals("first") ? Optional.empty() : Optional.of(field), configuration.get(OBSERVATION_STEPS),
                configuration.get(OBSERVATION_INTERVAL), configuration.get(OBSERVATION_STRIDE), configuration.get(NOISE),
                configuration.get(SEED), named(configuration, SMOOTHNESS, "WEIGHT >= 0", 0),
                named(configuration, BACKGROUND, "SIGMA > 0", Double.MIN_VALUE), configuration.get(OPTIMIZER),
                configuration.get(MAX_ITERATIONS), tolerance, configuration.get(LBFGS_MEMORY));
    }

    private static Map<String, Double> named(Configuration configuration, ConfigKey<List<String>> key, String what,
                                             double min) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String entry : configuration.get(key)) {
            Optional<NamedValue> v = NamedValue.parse(entry).filter(n -> n.value() >= min);
            if (v.isEmpty() || values.containsKey(v.get().name())) {
                throw ConfigurationException.notAllowed(key.name(), "\"" + entry + "\"",
                        "entries \"NAME = " + what.split(" ")[0] + "\" with " + what + ", one per control",
                        configuration.origin(key));
            }
            values.put(v.get().name(), v.get().value());
        }
        return values;
    }
}
