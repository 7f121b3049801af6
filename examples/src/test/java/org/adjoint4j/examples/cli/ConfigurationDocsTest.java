package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private static List<ConfigKey<?>> allKeys() {
        ModelRegistry registry = ModelRegistry.standard();
        List<ConfigKey<?>> keys = new ArrayList<>();
        keys.add(registry.typeKey());
        for (ModelFactory f : registry.factories()) {
            keys.addAll(f.keys());
        }
        keys.addAll(Job.generalKeys());
        return keys;
    }

    @Test
    void everyKeyHasARowWithItsTypeDefaultAndNoOtherKeysAreDocumented() throws IOException {
        String doc = Files.readString(DOC);
        Matcher m = ROW.matcher(doc);
        List<String> documented = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            documented.add(name);
            ConfigKey<?> key = allKeys().stream().filter(k -> k.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/configuration.md documents unknown key " + name));
            String allowed = m.group(2).trim();
            String defaultText = m.group(3).trim();
            assertEquals(expected(key), allowed, "allowed values of " + name);
            assertEquals(key.defaultValue().map(v -> "`" + json(key) + "`").orElse("required"), defaultText,
                    "default of " + name);
        }
        assertEquals(allKeys().stream().map(ConfigKey::name).sorted().toList(), documented.stream().sorted().toList());
    }

    @Test
    void theExampleConfigurationsAreDocumented() throws IOException {
        String doc = Files.readString(DOC);
        assertTrue(doc.contains("examples/configs/heat2d.toml") && doc.contains("examples/configs/heat2d-observations.toml"));
    }

    private static String expected(ConfigKey<?> key) {
        return key.type().expected();
    }

    private static <T> String json(ConfigKey<T> key) {
        return key.type().toJson(key.defaultValue().orElseThrow()).toString();
    }
}
