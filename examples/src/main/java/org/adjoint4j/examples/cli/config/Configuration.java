package org.adjoint4j.examples.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated configuration: a value for every key of its catalogue, from the file, a command-line
 * override or the key's default. Made by {@link ConfigurationReader}; immutable.
 */
public final class Configuration {

    /** The origin of a value that neither the file nor an override set. */
    public static final String DEFAULT_ORIGIN = "by default";

    private final Path file;
    private final List<String> overrides;
    private final ConfigCatalogue catalogue;
    private final Map<String, Object> values;
    private final Map<String, String> origins;

    Configuration(Path file, List<String> overrides, ConfigCatalogue catalogue, Map<String, Object> values,
                  Map<String, String> origins) {
        this.file = file;
        this.overrides = List.copyOf(overrides);
        this.catalogue = catalogue;
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
    }

    /**
     * The configuration file as given on the command line.
     *
     * @return the path, not resolved or normalised
     */
    public Path file() {
        return file;
    }

    /**
     * The {@code --set KEY=VALUE} overrides, in the order given.
     *
     * @return an unmodifiable list of the override texts; empty if there were none
     */
    public List<String> overrides() {
        return overrides;
    }

    /**
     * The value of {@code key}.
     *
     * @param <T> the Java type of the key's values
     * @param key a key of this configuration's catalogue (the same instance)
     * @return the validated value from the file, an override or the default; null only for a required
     *         key, which a valid configuration always sets
     * @throws IllegalArgumentException if the key is not in this configuration's catalogue
     */
    public <T> T get(ConfigKey<T> key) {
        requireKnown(key);
        @SuppressWarnings("unchecked")
        T value = (T) values.get(key.name());
        return value;
    }

    /**
     * Where the value of {@code key} came from: "in FILE", "from --set KEY=VALUE" or {@value #DEFAULT_ORIGIN}.
     *
     * @param key a key of this configuration's catalogue (the same instance)
     * @return the origin, for messages and reports
     * @throws IllegalArgumentException if the key is not in this configuration's catalogue
     */
    public String origin(ConfigKey<?> key) {
        requireKnown(key);
        return origins.getOrDefault(key.name(), DEFAULT_ORIGIN);
    }

    /**
     * Every value, defaults included, as nested JSON objects {@code {"section": {"name": value}}}.
     *
     * @return a new JSON object, sections and keys in catalogue order
     */
    public ObjectNode echo() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (ConfigKey<?> k : catalogue.keys()) {
            ObjectNode section = root.has(k.section()) ? (ObjectNode) root.get(k.section()) : root.putObject(k.section());
            section.set(k.localName(), json(k));
        }
        return root;
    }

    private <T> JsonNode json(ConfigKey<T> key) {
        return key.type().toJson(get(key));
    }

    private void requireKnown(ConfigKey<?> key) {
        Objects.requireNonNull(key, "key");
        if (catalogue.find(key.name()).orElse(null) != key) {
            throw new IllegalArgumentException("key '" + key.name() + "' is not part of this configuration");
        }
    }
}
