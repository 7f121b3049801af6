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
     */
    Optional<T> read(JsonNode node);

    /** What is accepted, as it follows "expected": e.g. "an integer >= 1". */
    String expected();

    /** {@code value} as a JSON value, for the echo of the configuration in reports. */
    JsonNode toJson(T value);

    /**
     * True if a command-line override is taken as plain text ({@code --set output.directory=out}),
     * false if it is parsed as a TOML value ({@code --set model.observation_steps=[10,20]}).
     */
    default boolean takesText() {
        return false;
    }
}
