package org.adjoint4j.examples.cli.estimate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An entry {@code "NAME = NUMBER"} of a configuration list, such as a regularisation weight per control.
 *
 * @param name  the name, letters, digits and underscores, not starting with a digit
 * @param value the number, finite
 */
public record NamedValue(String name, double value) {

    /** A name followed by "=", for patterns of entries. */
    static final String NAME = "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*";
    /** A decimal number, for patterns of entries. */
    static final String NUMBER = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)";
    private static final Pattern ENTRY = Pattern.compile(NAME + NUMBER + "\\s*");

    /**
     * The entry as name and value, or empty if it is not of the form "NAME = NUMBER" with a finite number.
     *
     * @param entry an entry of a configuration list, e.g. {@code "kappa = 1e-3"}; blanks around the
     *              parts are allowed
     * @return the name and the value, or empty
     */
    public static Optional<NamedValue> parse(String entry) {
        Matcher m = ENTRY.matcher(entry);
        if (!m.matches()) {
            return Optional.empty();
        }
        double v = Double.parseDouble(m.group(2));
        return Double.isFinite(v) ? Optional.of(new NamedValue(m.group(1), v)) : Optional.empty();
    }
}
