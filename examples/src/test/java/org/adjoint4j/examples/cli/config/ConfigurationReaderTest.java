package org.adjoint4j.examples.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader with a small catalogue of its own: two model types with different keys. */
class ConfigurationReaderTest {

    static final ConfigKey<Integer> SLOTS = ConfigKey.optional("checkpointing.memory_slots",
            ValueTypes.integer(1, Integer.MAX_VALUE), 20, "slots");
    static final ConfigKey<String> SCHEDULE = ConfigKey.optional("checkpointing.schedule",
            ValueTypes.oneOf(List.of("binomial", "store-all")), "binomial", "schedule");
    static final ConfigKey<String> DIRECTORY = ConfigKey.optional("output.directory", ValueTypes.text(), "out", "dir");
    static final ConfigKey<String> TYPE = ConfigKey.required("model.type", ValueTypes.oneOf(List.of("a", "b")), "type");
    static final ConfigKey<Integer> CELLS = ConfigKey.optional("model.cells", ValueTypes.integer(2, 100), 8, "cells");
    static final ConfigKey<List<Integer>> OBSERVED = ConfigKey.optional("model.observed",
            ValueTypes.integerList(0, 50), List.of(), "observed");
    static final ConfigKey<Double> RATE = ConfigKey.required("model.rate", ValueTypes.numberAbove(0), "rate");

    static final Map<String, List<ConfigKey<?>>> MODEL_KEYS = Map.of("a", List.of(CELLS, OBSERVED), "b", List.of(RATE));

    @TempDir
    Path dir;

    private final ConfigurationReader reader = new ConfigurationReader(List.of(SCHEDULE, SLOTS, DIRECTORY), TYPE,
            MODEL_KEYS::get);

    private Path file(String text) throws IOException {
        Path f = dir.resolve("run.toml");
        Files.writeString(f, text);
        return f;
    }

    private ConfigurationException rejected(String text, String... overrides) throws IOException {
        Path f = file(text);
        return assertThrows(ConfigurationException.class, () -> reader.read(f, List.of(overrides)));
    }

    @Test
    void readsValuesAndFillsInDefaults() throws IOException {
        Configuration c = reader.read(file("[model]\ntype = \"a\"\nobserved = [3, 5]\n[checkpointing]\nmemory_slots = 7\n"),
                List.of());
        assertEquals("a", c.get(TYPE));
        assertEquals(7, c.get(SLOTS));
        assertEquals(List.of(3, 5), c.get(OBSERVED));
        assertEquals(8, c.get(CELLS), "default");
        assertEquals("binomial", c.get(SCHEDULE), "default");
        assertEquals(Configuration.DEFAULT_ORIGIN, c.origin(CELLS));
        assertEquals("in " + dir.resolve("run.toml"), c.origin(SLOTS));
    }

    @Test
    void aValueOutOfRangeNamesTheKeyTheValueWhatIsAllowedAndTheFile() throws IOException {
        ConfigurationException e = rejected("[model]\ntype = \"a\"\n[checkpointing]\nmemory_slots = -3\n");
        assertEquals("key 'checkpointing.memory_slots': -3 is not allowed: expected an integer >= 1 (in "
                + dir.resolve("run.toml") + ")", e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsRejectedTheSameWay() throws IOException {
        ConfigurationException e = rejected("[model]\ntype = \"a\"\ncells = \"many\"\n");
        assertTrue(e.getMessage().startsWith("key 'model.cells': \"many\" is not allowed: expected an integer in [2, 100]"),
                e.getMessage());
        e = rejected("[model]\ntype = \"a\"\n[checkpointing]\nschedule = 3\n");
        assertTrue(e.getMessage().contains("key 'checkpointing.schedule': 3 is not allowed: expected one of \"binomial\","
                + " \"store-all\""), e.getMessage());
    }

    @Test
    void anUnknownKeyIsRejectedWithTheKeysOfItsSection() throws IOException {
        ConfigurationException e = rejected("[model]\ntype = \"a\"\n[checkpointing]\nmemroy_slots = 10\n");
        assertTrue(e.getMessage().startsWith("key 'checkpointing.memroy_slots' is not allowed: there is no such key;"
                + " allowed keys in [checkpointing] are schedule, memory_slots"), e.getMessage());
        e = rejected("[model]\ntype = \"a\"\n[checkpoint]\nslots = 10\n");
        assertTrue(e.getMessage().contains("allowed sections are [model], [checkpointing], [output]"), e.getMessage());
        e = rejected("[model]\ntype = \"a\"\n[checkpoint]\n");
        assertTrue(e.getMessage().startsWith("key 'checkpoint' is not allowed"), e.getMessage());
    }

    @Test
    void theModelTypeDecidesWhichModelKeysExist() throws IOException {
        ConfigurationException e = rejected("[model]\ntype = \"b\"\ncells = 8\n");
        assertTrue(e.getMessage().contains("key 'model.cells' is not allowed: there is no such key; allowed keys in [model]"
                + " for type \"b\" are type, rate"), e.getMessage());
        assertTrue(e.getMessage().contains("key 'model.rate' is missing: expected a number > 0"), e.getMessage());
    }

    @Test
    void aMissingOrUnknownTypeIsReportedWithTheAllowedTypes() throws IOException {
        ConfigurationException e = rejected("[checkpointing]\nmemory_slots = 3\n");
        assertTrue(e.getMessage().startsWith("key 'model.type' is missing: expected one of \"a\", \"b\""), e.getMessage());
        e = rejected("[model]\ntype = \"c\"\ncells = 8\n");
        assertEquals("key 'model.type': \"c\" is not allowed: expected one of \"a\", \"b\" (in " + dir.resolve("run.toml")
                + ")", e.getMessage(), "the keys of an unknown model are not judged");
    }

    @Test
    void everyProblemIsReportedOnItsOwnLine() throws IOException {
        ConfigurationException e = rejected("[model]\ntype = \"a\"\ncells = 1\nfoo = 2\n[checkpointing]\nmemory_slots = 0\n");
        assertEquals(3, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void overridesReplaceFileValuesAndAreParsedByTheKeysType() throws IOException {
        Path f = file("[model]\ntype = \"a\"\ncells = 4\n[output]\ndirectory = \"x\"\n");
        Configuration c = reader.read(f, List.of("model.cells=12", "model.observed=[1, 2]", "output.directory=123",
                "checkpointing.schedule=store-all", "model.cells = 16"));
        assertEquals(16, c.get(CELLS), "the later override wins");
        assertEquals(List.of(1, 2), c.get(OBSERVED));
        assertEquals("123", c.get(DIRECTORY), "a text key takes the text as it is");
        assertEquals("store-all", c.get(SCHEDULE));
        assertEquals("from --set model.cells = 16", c.origin(CELLS));
        assertEquals(List.of("model.cells=12", "model.observed=[1, 2]", "output.directory=123",
                "checkpointing.schedule=store-all", "model.cells = 16"), c.overrides());
    }

    @Test
    void overridesAreValidatedLikeTheFile() throws IOException {
        ConfigurationException e = rejected("[model]\ntype = \"a\"\n", "checkpointing.memory_slots=-3");
        assertEquals("key 'checkpointing.memory_slots': -3 is not allowed: expected an integer >= 1"
                + " (from --set checkpointing.memory_slots=-3)", e.getMessage());
        e = rejected("[model]\ntype = \"a\"\n", "checkpointing.memory_slots=ten");
        assertTrue(e.getMessage().startsWith("key 'checkpointing.memory_slots': \"ten\" is not allowed"), e.getMessage());
        e = rejected("[model]\ntype = \"a\"\n", "model.nope=1");
        assertTrue(e.getMessage().startsWith("key 'model.nope' is not allowed: there is no such key"), e.getMessage());
        e = rejected("[model]\ntype = \"a\"\n", "memory_slots");
        assertTrue(e.getMessage().startsWith("--set 'memory_slots': expected KEY=VALUE"), e.getMessage());
    }

    @Test
    void anOverrideOfTheTypeSelectsTheOtherModelsKeys() throws IOException {
        Path f = file("[model]\ntype = \"a\"\n");
        Configuration c = reader.read(f, List.of("model.type=b", "model.rate=0.5"));
        assertEquals("b", c.get(TYPE));
        assertEquals(0.5, c.get(RATE));
        assertThrows(IllegalArgumentException.class, () -> c.get(CELLS), "model a's keys are not part of it");
    }

    @Test
    void aMissingFileAndASyntaxErrorNameTheFile() throws IOException {
        Path missing = dir.resolve("nope.toml");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> reader.read(missing, List.of()));
        assertEquals("configuration file '" + missing + "' does not exist", e.getMessage());
        e = rejected("[model]\ntype = \"a\"\ncells = \n");
        assertTrue(e.getMessage().startsWith("configuration file '" + dir.resolve("run.toml") + "': line 3, column"),
                e.getMessage());
        e = rejected("[model]\ntype = \"a\"\ntype = \"b\"\n");
        assertTrue(e.getMessage().contains("run.toml': line "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("duplicate key"), e.getMessage());
    }

    @Test
    void theEchoHasEveryValueByOrigin() throws IOException {
        Configuration c = reader.read(file("[model]\ntype = \"a\"\n"), List.of("model.cells=5"));
        assertEquals("{\"model\":{\"type\":\"a\",\"cells\":5,\"observed\":[]},"
                + "\"checkpointing\":{\"schedule\":\"binomial\",\"memory_slots\":20},"
                + "\"output\":{\"directory\":\"out\"}}", c.echo().toString());
    }
}
