package org.adjoint4j.examples.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ValueTypes;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    /** A factory that declares the given keys and is never built. */
    private static ModelFactory declaring(String type, ConfigKey<?>... keys) {
        return new ModelFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public String summary() {
                return type;
            }

            @Override
            public List<ConfigKey<?>> keys() {
                return List.of(keys);
            }

            @Override
            public Model build(Configuration configuration, org.adjoint4j.mpi.Communicator comm) {
                throw new AssertionError("not built in these tests");
            }
        };
    }

    @Test
    void theTypeKeyAllowsExactlyTheRegisteredTypes() {
        ModelRegistry r = FaultyHeat2dModelFactory.registryWithFaults();
        assertEquals("model.type", r.typeKey().name());
        assertEquals("one of \"heat2d\", \"faulty-heat2d\"", r.typeKey().type().expected());
        assertTrue(r.typeKey().defaultValue().isEmpty(), "a configuration must name its model");
        assertEquals(List.of(Heat2dModelFactory.CELLS, Heat2dModelFactory.STEPS, Heat2dModelFactory.OBSERVATION_STEPS),
                r.keysOf("heat2d"));
    }

    @Test
    void registrationMistakesAreRejected() {
        ConfigKey<Boolean> outside = ConfigKey.optional("output.thing", ValueTypes.bool(), true, "x");
        ConfigKey<Boolean> type = ConfigKey.optional("model.type", ValueTypes.bool(), true, "x");
        assertThrows(IllegalArgumentException.class, () -> new ModelRegistry(List.of(declaring("a"), declaring("a"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelRegistry(List.of(declaring("a", outside))));
        assertTrue(e.getMessage().contains("output.thing"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelRegistry(List.of(declaring("a", type))));
        assertThrows(IllegalArgumentException.class, () -> ModelRegistry.standard().keysOf("no-such-model"));
    }
}
