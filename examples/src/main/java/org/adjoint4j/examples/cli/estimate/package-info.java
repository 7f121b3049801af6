/**
 * The {@code [estimate]} section of the configuration and the twin experiment it describes: which
 * controls are estimated, the first guess, the synthetic observations, the regularisation and the
 * optimiser.
 */
package org.adjoint4j.examples.cli.estimate;
