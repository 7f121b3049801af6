/** Progress of the forward and reverse sweeps: a bar with ETA on a terminal, plain log lines in batch jobs. */
package org.adjoint4j.examples.cli.progress;
