/**
 * The models the {@code adjoint4j} tool can run, built from the {@code [model]} section of a
 * configuration by one {@link org.adjoint4j.examples.cli.model.ModelFactory} per {@code model.type}.
 */
package org.adjoint4j.examples.cli.model;
