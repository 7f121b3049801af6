/**
 * The checks of {@code adjoint4j verify}: dot-product tests of the stepper's adjoint and Taylor tests
 * of the whole gradient, each giving a {@link org.adjoint4j.examples.cli.verify.CheckResult}.
 */
package org.adjoint4j.examples.cli.verify;
