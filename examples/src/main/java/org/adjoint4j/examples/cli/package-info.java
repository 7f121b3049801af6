/** The {@code adjoint4j} command-line tool. */
package org.adjoint4j.examples.cli;
