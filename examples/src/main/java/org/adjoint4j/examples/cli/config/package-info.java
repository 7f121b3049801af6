/**
 * The configuration file of the {@code adjoint4j} tool: TOML, documented keys with types, defaults
 * and allowed values, validation that names the key, the value and what is allowed, and
 * command-line overrides ({@code --set KEY=VALUE}) validated the same way.
 */
package org.adjoint4j.examples.cli.config;
