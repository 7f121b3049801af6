package org.adjoint4j.examples.cli.verify;

/** One check of {@code adjoint4j verify}, e.g. a dot-product test of one step or a Taylor test. */
public interface VerificationCheck {

    /**
     * A short name for tables, e.g. "dot product, step 0".
     *
     * @return the name, also used as the result's name
     */
    String name();

    /**
     * Runs the check; collective over the run's ranks.
     *
     * @return the outcome, the same on every rank
     */
    CheckResult run();
}
