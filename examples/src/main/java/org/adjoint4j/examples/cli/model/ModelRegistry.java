package org.adjoint4j.examples.cli.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ValueTypes;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.SerialCommunicator;

/** The models the tool knows, by their {@code model.type}, and the {@code model.type} key itself. */
public final class ModelRegistry {

    private final Map<String, ModelFactory> factories = new LinkedHashMap<>();
    private final ConfigKey<String> typeKey;

    /**
     * A registry of {@code factories}.
     *
     * @param factories the model factories, in the order listed in help; not empty
     * @throws IllegalArgumentException if {@code factories} is empty, two factories have the same type, or a factory declares a key
     *         outside the {@code model} section or the key {@code model.type}
     */
    public ModelRegistry(List<ModelFactory> factories) {
        if (factories.isEmpty()) {
            throw new IllegalArgumentException("factories must not be empty");
        }
        for (ModelFactory f : factories) {
            if (this.factories.put(f.type(), f) != null) {
                throw new IllegalArgumentException("model type '" + f.type() + "' is registered twice");
            }
            for (ConfigKey<?> k : f.keys()) {
                if (!k.section().equals("model") || k.localName().equals("type")) {
                    throw new IllegalArgumentException("model '" + f.type() + "' declares key '" + k.name()
                            + "': model keys must be model.NAME other than model.type");
                }
            }
        }
        this.typeKey = ConfigKey.required("model.type", ValueTypes.oneOf(new ArrayList<>(this.factories.keySet())),
                "the model to differentiate; its other keys in [model] depend on it");
    }

    /**
     * The models of this version of the tool.
     *
     * @return a new registry of heat2d, heat2d-implicit, burgers2d, shallow-water and lorenz96
     */
    public static ModelRegistry standard() {
        return new ModelRegistry(List.of(new Heat2dModelFactory(), new Heat2dImplicitModelFactory(),
                new Burgers2dModelFactory(), new ShallowWaterModelFactory(), new Lorenz96ModelFactory()));
    }

    /**
     * The key {@code model.type}, whose allowed values are the registered types.
     *
     * @return the required selector key; configurations must be read with this instance
     */
    public ConfigKey<String> typeKey() {
        return typeKey;
    }

    /**
     * The registered factories, in registration order.
     *
     * @return an unmodifiable list of the factories
     */
    public List<ModelFactory> factories() {
        return List.copyOf(factories.values());
    }

    /**
     * The keys of the model {@code type}.
     *
     * @param type a registered value of {@code model.type}
     * @return the model's keys, all in the {@code model} section
     * @throws IllegalArgumentException if the type is not registered
     */
    public List<ConfigKey<?>> keysOf(String type) {
        return factory(type).keys();
    }

    /**
     * The model that {@code configuration} describes.
     *
     * @param configuration a configuration read with this registry's {@link #typeKey()} and the keys
     *                      of the selected model
     * @return the whole model on a single (serial) rank
     * @throws org.adjoint4j.examples.cli.config.ConfigurationException if its values conflict
     */
    public Model build(Configuration configuration) {
        return build(configuration, SerialCommunicator.instance());
    }

    /**
     * This rank's part of the model that {@code configuration} describes, on the ranks of {@code comm}.
     *
     * @param configuration a configuration read with this registry's {@link #typeKey()} and the keys
     *                      of the selected model
     * @param comm          the ranks of the run
     * @return this rank's part of the model
     * @throws org.adjoint4j.examples.cli.config.ConfigurationException if its values conflict
     */
    public Model build(Configuration configuration, Communicator comm) {
        return factory(configuration.get(typeKey)).build(configuration, comm);
    }

    private ModelFactory factory(String type) {
        ModelFactory f = factories.get(type);
        if (f == null) {
            throw new IllegalArgumentException("model type '" + type + "' is not registered; types are " + factories.keySet());
        }
        return f;
    }
}
