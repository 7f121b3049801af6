package org.adjoint4j.examples.cli.estimate;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one control starts an estimation, from an entry of {@code estimate.first_guess}:
 * {@code "NAME = VALUE"} (a constant), {@code "NAME = truth * FACTOR"} (the true value scaled) or
 * {@code "NAME = truth + noise(SIGMA)"} (the true value plus seeded Gaussian noise).
 *
 * @param control the control's name
 * @param kind    which of the three forms
 * @param number  the constant, the factor or σ
 */
public record FirstGuess(String control, Kind kind, double number) {

    /** The forms of a first guess. */
    public enum Kind {
        /** Every cell (or the scalar) set to the number. */
        CONSTANT,
        /** The true values times the number. */
        SCALED,
        /** The true values plus Gaussian noise of standard deviation the number. */
        NOISE
    }

    /** What an entry may look like, for error messages. */
    public static final String FORMS = "\"NAME = VALUE\", \"NAME = truth * FACTOR\" or \"NAME = truth + noise(SIGMA)\"";

    private static final String NAME = NamedValue.NAME;
    private static final String NUMBER = NamedValue.NUMBER;
    private static final Pattern SCALED = Pattern.compile(NAME + "truth\\s*\\*\\s*" + NUMBER + "\\s*");
    private static final Pattern NOISE = Pattern.compile(NAME + "truth\\s*\\+\\s*noise\\s*\\(\\s*" + NUMBER + "\\s*\\)\\s*");

    /**
     * Checks that the name and the form are given.
     *
     * @param control the control's name, not null
     * @param kind    which of the three forms, not null
     * @param number  the constant, the factor or σ
     */
    public FirstGuess {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The first guess {@code entry} describes, or empty if it has none of the {@link #FORMS} (or σ &lt; 0).
     *
     * @param entry an entry of {@code estimate.first_guess}, e.g. {@code "kappa = truth * 1.5"}
     * @return the parsed first guess with a finite number, or empty
     */
    public static Optional<FirstGuess> parse(String entry) {
        Optional<NamedValue> constant = NamedValue.parse(entry);
        if (constant.isPresent()) {
            return Optional.of(new FirstGuess(constant.get().name(), Kind.CONSTANT, constant.get().value()));
        }
        Matcher m = SCALED.matcher(entry);
        if (m.matches() && Double.isFinite(Double.parseDouble(m.group(2)))) {
            return Optional.of(new FirstGuess(m.group(1), Kind.SCALED, Double.parseDouble(m.group(2))));
        }
        m = NOISE.matcher(entry);
        double sigma = m.matches() ? Double.parseDouble(m.group(2)) : Double.NaN;
        if (sigma >= 0 && Double.isFinite(sigma)) {
            return Optional.of(new FirstGuess(m.group(1), Kind.NOISE, sigma));
        }
        return Optional.empty();
    }
}
