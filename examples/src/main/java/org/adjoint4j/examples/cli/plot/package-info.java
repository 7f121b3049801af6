/**
 * PNG plots drawn with the JDK's Java2D and ImageIO (headless): sensitivity maps of gradient fields
 * and the convergence of Taylor tests.
 */
package org.adjoint4j.examples.cli.plot;
