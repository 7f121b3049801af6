package org.adjoint4j.examples.cli.model;

import java.util.List;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.mpi.Communicator;

/**
 * Builds one type of model from its section of the configuration. Adding a model to the tool means
 * writing one factory and listing it in {@link ModelRegistry#standard()}.
 */
public interface ModelFactory {

    /**
     * The value of {@code model.type} that selects this factory, e.g. "heat2d".
     *
     * @return the type, unique within a {@link ModelRegistry}
     */
    String type();

    /**
     * One line saying what the model is.
     *
     * @return a summary for the tool's help and listings
     */
    String summary();

    /**
     * The model's configuration keys, all in the {@code model} section (not {@code model.type}).
     *
     * @return the keys, in documentation order
     */
    List<ConfigKey<?>> keys();

    /**
     * This rank's part of the model described by {@code configuration}, whose values for
     * {@link #keys()} are already validated one by one.
     *
     * @param configuration a configuration whose {@code model.type} is this factory's type
     * @param comm the ranks of the run (a single rank when only validating the configuration)
     * @return this rank's part of the model
     * @throws org.adjoint4j.examples.cli.config.ConfigurationException if values conflict with each other
     *         (the message names the key, the value and what is allowed)
     */
    Model build(Configuration configuration, Communicator comm);
}
