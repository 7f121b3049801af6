package org.adjoint4j.examples.cli.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a TOML configuration file and {@code --set KEY=VALUE} overrides, and validates every value
 * against the documented keys.
 *
 * <p>The keys are the general ones plus those of the selected model: a <em>selector</em> key
 * ({@code model.type}) names the model, and the model's keys live in the selector's section. All
 * problems are collected and reported together, each naming the key, the value, what is allowed and
 * where the value came from, e.g.
 * <pre>
 * key 'checkpointing.memory_slots': -3 is not allowed: expected an integer >= 1 (in heat2d.toml)
 * </pre>
 */
public final class ConfigurationReader {

    private static final TomlMapper TOML = new TomlMapper();

    private final List<ConfigKey<?>> generalKeys;
    private final ConfigKey<String> selector;
    private final Function<String, List<ConfigKey<?>>> selectedKeys;

    /**
     * A reader for the given keys.
     *
     * @param generalKeys  keys every configuration may have (not including the selector)
     * @param selector     the required key naming the model, e.g. {@code model.type}
     * @param selectedKeys the keys of the model a selector value names; each in the selector's section
     */
    public ConfigurationReader(List<ConfigKey<?>> generalKeys, ConfigKey<String> selector,
                               Function<String, List<ConfigKey<?>>> selectedKeys) {
        this.generalKeys = List.copyOf(generalKeys);
        this.selector = Objects.requireNonNull(selector, "selector");
        this.selectedKeys = Objects.requireNonNull(selectedKeys, "selectedKeys");
    }

    /**
     * Reads and validates a configuration.
     *
     * @param file      the TOML file
     * @param overrides {@code KEY=VALUE} texts, applied in order after the file
     * @return the configuration, with a valid value for every general key and every key of the selected
     *         model
     * @throws ConfigurationException naming every problem found: a missing or unreadable file, a
     *         syntax error (with line and column), unknown keys, values of the wrong type or out of range,
     *         missing required keys, malformed overrides
     */
    public Configuration read(Path file, List<String> overrides) {
        Objects.requireNonNull(file, "file");
        String fileOrigin = "in " + file;
        Map<String, Raw> raw = new LinkedHashMap<>();
        flatten("", parse(file), fileOrigin, raw);
        List<String> errors = new ArrayList<>();
        List<SetOption> options = parseOverrides(overrides, errors);
        // The selector decides which keys exist, so it is resolved before anything else is judged.
        Optional<String> selected = resolveSelector(raw, options, fileOrigin, errors);
        List<ConfigKey<?>> all = new ArrayList<>();
        all.add(selector);
        selected.ifPresent(s -> all.addAll(selectedKeys.apply(s)));
        all.addAll(generalKeys);
        ConfigCatalogue catalogue = new ConfigCatalogue(all);
        for (SetOption o : options) {
            Optional<ConfigKey<?>> key = catalogue.find(o.key);
            if (key.isPresent()) {
                raw.put(o.key, new Raw(valueOf(o.text, key.get().type()), o.origin));
            } else if (selected.isPresent() || !inSelectorSection(o.key)) {
                errors.add(unknown(o.key, catalogue, o.origin, selected));
            }
        }
        Map<String, Object> values = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        validate(raw, catalogue, selected, values, origins, errors);
        for (ConfigKey<?> k : catalogue.keys()) {
            if (!raw.containsKey(k.name())) {
                if (k.defaultValue().isPresent()) {
                    values.put(k.name(), k.defaultValue().get());
                } else if (k != selector) {
                    errors.add("key '" + k.name() + "' is missing: expected " + k.type().expected() + " (" + fileOrigin + ")");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException(String.join(System.lineSeparator(), errors));
        }
        return new Configuration(file, overrides, catalogue, values, origins);
    }

    private static List<SetOption> parseOverrides(List<String> overrides, List<String> errors) {
        List<SetOption> options = new ArrayList<>();
        for (String text : overrides) {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                errors.add("--set '" + text + "': expected KEY=VALUE, e.g. --set checkpointing.memory_slots=10");
            } else {
                options.add(new SetOption(text.substring(0, eq).trim(), text.substring(eq + 1).trim(), "from --set " + text));
            }
        }
        return options;
    }

    /** The selector's value, from the last override of it or the file; empty (and an error) if missing or not allowed. */
    private Optional<String> resolveSelector(Map<String, Raw> raw, List<SetOption> options, String fileOrigin,
                                             List<String> errors) {
        for (SetOption o : options) {
            if (o.key.equals(selector.name())) {
                raw.put(o.key, new Raw(valueOf(o.text, selector.type()), o.origin));
            }
        }
        Raw value = raw.get(selector.name());
        if (value == null) {
            errors.add("key '" + selector.name() + "' is missing: expected " + selector.type().expected() + " (" + fileOrigin + ")");
            return Optional.empty();
        }
        Optional<String> selected = selector.type().read(value.value);
        if (selected.isEmpty()) {
            errors.add(ConfigurationException.notAllowedMessage(selector.name(), show(value.value), selector.type().expected(),
                    value.origin));
        }
        return selected;
    }

    /** Checks every value against its key; without a valid selector, the selector's section is left unjudged. */
    private void validate(Map<String, Raw> raw, ConfigCatalogue catalogue, Optional<String> selected,
                          Map<String, Object> values, Map<String, String> origins, List<String> errors) {
        for (Map.Entry<String, Raw> e : raw.entrySet()) {
            String name = e.getKey();
            Raw r = e.getValue();
            Optional<ConfigKey<?>> key = catalogue.find(name);
            if (key.isEmpty()) {
                boolean emptyKnownSection = r.value.isObject() && catalogue.sections().contains(name);
                if (!emptyKnownSection && (selected.isPresent() || !inSelectorSection(name))) {
                    errors.add(unknown(name, catalogue, r.origin, selected));
                }
                continue;
            }
            Optional<?> value = key.get().type().read(r.value);
            if (value.isPresent()) {
                values.put(name, value.get());
                origins.put(name, r.origin);
            } else if (!name.equals(selector.name())) {
                errors.add(ConfigurationException.notAllowedMessage(name, show(r.value), key.get().type().expected(), r.origin));
            }
        }
    }

    private static ObjectNode parse(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigurationException("configuration file '" + file + "' does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("configuration file '" + file + "' is not a regular file");
        }
        try {
            JsonNode root = TOML.readTree(file.toFile());
            return root instanceof ObjectNode o ? o : TOML.createObjectNode();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigurationException("configuration file '" + file + "'" + where + ": " + e.getOriginalMessage()
                    + " (the file must be TOML, see docs/configuration.md)", e);
        } catch (IOException e) {
            throw new ConfigurationException("configuration file '" + file + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static void flatten(String prefix, ObjectNode node, String origin, Map<String, Raw> into) {
        if (node.isEmpty() && !prefix.isEmpty()) {
            into.put(prefix, new Raw(node, origin));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            if (f.getValue() instanceof ObjectNode o) {
                flatten(name, o, origin, into);
            } else {
                into.put(name, new Raw(f.getValue(), origin));
            }
        }
    }

    /** An override's value: plain text for text keys, otherwise a TOML value, or the text when it is not one. */
    private static JsonNode valueOf(String text, ValueType<?> type) {
        if (type.takesText()) {
            boolean quoted = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"");
            return TextNode.valueOf(quoted ? text.substring(1, text.length() - 1) : text);
        }
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            try {
                JsonNode v = TOML.readTree("v = " + text).get("v");
                if (v != null) {
                    return v;
                }
            } catch (JsonProcessingException e) {
                // Not a TOML value: keep the text, which the key's type then rejects by name.
            }
        }
        return TextNode.valueOf(text);
    }

    private boolean inSelectorSection(String name) {
        return name.startsWith(selector.section() + ".");
    }

    private String unknown(String name, ConfigCatalogue catalogue, String origin, Optional<String> selected) {
        int dot = name.lastIndexOf('.');
        String section = dot < 0 ? "" : name.substring(0, dot);
        String allowed;
        if (catalogue.sections().contains(section)) {
            String forType = section.equals(selector.section()) && selected.isPresent()
                    ? " for " + selector.localName() + " \"" + selected.get() + "\"" : "";
            allowed = "allowed keys in [" + section + "]" + forType + " are " + String.join(", ", catalogue.localNames(section));
        } else {
            allowed = "allowed sections are [" + String.join("], [", catalogue.sections()) + "]";
        }
        return "key '" + name + "' is not allowed: there is no such key; " + allowed + " (" + origin + ")";
    }

    private static String show(JsonNode value) {
        if (value.isObject()) {
            return "a table";
        }
        return value.toString();
    }

    private record Raw(JsonNode value, String origin) {
    }

    private record SetOption(String key, String text, String origin) {
    }
}
