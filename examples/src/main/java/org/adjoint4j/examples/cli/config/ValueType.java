package org.adjoint4j.examples.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The values a configuration key accepts, and how they read from a parsed configuration file.
 * Implementations are in {@link ValueTypes}.
 *
 * @param <T> the Java type of an accepted value
 */
public interface ValueType<T> {

    /**
     * The value {@code node} stands for, or empty if this type does not accept it (wrong type or out
     * of range).
     *
     * @param node a parsed value; not modified
     * @return the accepted value, or empty
     */
    Optional<T> read(JsonNode node);

    /**
     * What is accepted, as it follows "expected": e.g. "an integer >= 1".
     *
     * @return a phrase for error messages and the documentation
     */
    String expected();

    /**
     * {@code value} as a JSON value, for the echo of the configuration in reports.
     *
     * @param value an accepted value, not null
     * @return a JSON node that {@link #read} turns back into {@code value}
     */
    JsonNode toJson(T value);

    /**
     * True if a command-line override is taken as plain text ({@code --set output.directory=out}),
     * false if it is parsed as a TOML value ({@code --set model.observation_steps=[10,20]}).
     *
     * @return whether an override's text is used as a string; false by default
     */
    default boolean takesText() {
        return false;
    }
}
