package org.adjoint4j.examples.cli.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One documented key of the configuration file: its full dotted name ({@code section.name}), the
 * values it accepts, its default and its meaning. Keys are constants; every key is listed in
 * docs/configuration.md.
 *
 * @param <T> the Java type of the key's values
 */
public final class ConfigKey<T> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    private final String name;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String meaning;

    private ConfigKey(String name, ValueType<T> type, T defaultValue, String meaning) {
        this.name = Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("key name must be section.name in lower case, was '" + name + "'");
        }
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.meaning = Objects.requireNonNull(meaning, "meaning");
        if (defaultValue != null && type.read(type.toJson(defaultValue)).isEmpty()) {
            throw new IllegalArgumentException("key '" + name + "': default " + defaultValue + " is not " + type.expected());
        }
    }

    /**
     * A key with a default value.
     *
     * @param <T>          the Java type of the key's values
     * @param name         the full name, {@code section.name}, both parts lower case
     * @param type         the accepted values
     * @param defaultValue the value used when neither the file nor an override sets the key; must be
     *                     accepted by {@code type}, not null
     * @param meaning      what the key means, one sentence
     * @return the key
     * @throws IllegalArgumentException if the name is not {@code section.name} or the default is not allowed
     */
    public static <T> ConfigKey<T> optional(String name, ValueType<T> type, T defaultValue, String meaning) {
        return new ConfigKey<>(name, type, Objects.requireNonNull(defaultValue, "defaultValue"), meaning);
    }

    /**
     * A key that every configuration must set.
     *
     * @param <T>     the Java type of the key's values
     * @param name    the full name, {@code section.name}, both parts lower case
     * @param type    the accepted values
     * @param meaning what the key means, one sentence
     * @return the key, without a default
     * @throws IllegalArgumentException if the name is not {@code section.name}
     */
    public static <T> ConfigKey<T> required(String name, ValueType<T> type, String meaning) {
        return new ConfigKey<>(name, type, null, meaning);
    }

    /**
     * The full name, e.g. {@code checkpointing.memory_slots}.
     *
     * @return {@code section.name}, as written in a configuration file or a {@code --set} override
     */
    public String name() {
        return name;
    }

    /**
     * The section, e.g. {@code checkpointing}.
     *
     * @return the part of the full name before the dot
     */
    public String section() {
        return name.substring(0, name.indexOf('.'));
    }

    /**
     * The name within the section, e.g. {@code memory_slots}.
     *
     * @return the part of the full name after the dot
     */
    public String localName() {
        return name.substring(name.indexOf('.') + 1);
    }

    /**
     * The accepted values.
     *
     * @return the value type that reads and checks the key's values
     */
    public ValueType<T> type() {
        return type;
    }

    /**
     * The default; empty for a required key.
     *
     * @return the value used when neither the file nor an override sets the key
     */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * What the key means, one sentence.
     *
     * @return the description shown in error messages and the documentation
     */
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return name;
    }
}
