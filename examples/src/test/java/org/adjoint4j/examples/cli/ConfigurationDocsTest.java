package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.model.ModelFactory;
import org.adjoint4j.examples.cli.model.ModelRegistry;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents exactly the keys the tool accepts, with their defaults and allowed values. */
class ConfigurationDocsTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*)` \\|([^|]*)\\|([^|]*)\\|([^|]*)\\|", Pattern.MULTILINE);

    private static final Pattern MODEL_SECTION = Pattern.compile("^#### `type = \"([a-z0-9-]+)\"`", Pattern.MULTILINE);

    /**
     * The keys a part of the page must document: a model's subsection its model's keys (models may
     * share key names, with their own defaults), the rest the keys of every model type.
     */
    private static List<ConfigKey<?>> keysOf(String modelType) {
        ModelRegistry registry = ModelRegistry.standard();
        if (modelType != null) {
            return registry.keysOf(modelType);
        }
        List<ConfigKey<?>> keys = new ArrayList<>();
        keys.add(registry.typeKey());
        keys.addAll(Job.generalKeys());
        return keys;
    }

    @Test
    void everyKeyHasARowWithItsTypeDefaultAndNoOtherKeysAreDocumented() throws IOException {
        String doc = Files.readString(DOC);
        Map<String, List<String>> documented = new TreeMap<>(); // model type ("" for general keys) -> keys
        Matcher sections = MODEL_SECTION.matcher(doc);
        List<int[]> bounds = new ArrayList<>();
        List<String> types = new ArrayList<>();
        while (sections.find()) {
            bounds.add(new int[] {sections.start(), doc.indexOf("\n### ", sections.end())});
            types.add(sections.group(1));
        }
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            String type = "";
            for (int i = 0; i < bounds.size(); i++) {
                if (m.start() > bounds.get(i)[0] && (bounds.get(i)[1] < 0 || m.start() < bounds.get(i)[1])) {
                    type = types.get(i);
                }
            }
            String name = m.group(1);
            documented.computeIfAbsent(type, t -> new ArrayList<>()).add(name);
            String where = type.isEmpty() ? "" : " (model type " + type + ")";
            ConfigKey<?> key = keysOf(type.isEmpty() ? null : type).stream().filter(k -> k.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/configuration.md documents unknown key " + name + where));
            assertEquals(key.type().expected(), m.group(2).trim(), "allowed values of " + name + where);
            assertEquals(key.defaultValue().map(v -> "`" + json(key) + "`").orElse("required"), m.group(3).trim(),
                    "default of " + name + where);
        }
        Map<String, List<String>> expected = new TreeMap<>();
        expected.put("", names(keysOf(null)));
        for (ModelFactory f : ModelRegistry.standard().factories()) {
            expected.put(f.type(), names(f.keys()));
        }
        documented.replaceAll((type, keys) -> keys.stream().sorted().toList());
        assertEquals(expected, documented);
    }

    private static List<String> names(List<ConfigKey<?>> keys) {
        return keys.stream().map(ConfigKey::name).sorted().toList();
    }

    @Test
    void theExampleConfigurationsAreDocumented() throws IOException {
        String doc = Files.readString(DOC);
        for (String f : List.of("heat2d.toml", "heat2d-observations.toml", "lorenz96.toml", "heat2d-implicit.toml")) {
            assertTrue(doc.contains("| `examples/configs/" + f + "` |"), "no row for " + f);
        }
    }

    private static <T> String json(ConfigKey<T> key) {
        return key.type().toJson(key.defaultValue().orElseThrow()).toString();
    }
}
