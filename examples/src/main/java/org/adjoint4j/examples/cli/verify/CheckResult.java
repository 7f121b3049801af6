package org.adjoint4j.examples.cli.verify;

import java.util.Locale;
import java.util.Objects;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.TaylorResult;

/** The outcome of a {@link VerificationCheck}: one record type per kind of check. */
public sealed interface CheckResult permits CheckResult.DotProduct, CheckResult.HaloDotProduct, CheckResult.Taylor {

    /**
     * The check's name.
     *
     * @return the name of the {@link VerificationCheck} that produced the result
     */
    String name();

    /**
     * Whether the check passed.
     *
     * @return true if the key figure is within its acceptance criterion
     */
    boolean passed();

    /**
     * The key figure with its acceptance criterion, e.g. "order 2.0001 (accepted [1.9, 2.1])".
     *
     * @return one line for tables and the report
     */
    String summary();

    /**
     * The dot-product test of the stepper's adjoint at one step.
     *
     * @param name   the check's name
     * @param step   the step n tested, at u<sub>n</sub> of the forward run
     * @param result both sides of the test
     */
    record DotProduct(String name, int step, DotProductResult result) implements CheckResult {

        /**
         * Checks for nulls.
         *
         * @param name   the check's name, not null
         * @param step   the step n tested
         * @param result both sides of the test, not null
         */
        public DotProduct {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(result, "result");
        }

        @Override
        public boolean passed() {
            return result.passed();
        }

        @Override
        public String summary() {
            return String.format(Locale.ROOT, "relative mismatch %.3e (tolerance %.0e)", result.relativeMismatch(),
                    DotProductResult.TOLERANCE);
        }
    }

    /**
     * The dot-product test of the halo exchange of the model's decomposition against its adjoint.
     *
     * @param name    the check's name
     * @param width   ghost layers exchanged
     * @param corners whether corner ghosts are exchanged
     * @param ranks   ranks of the run
     * @param result  both sides of the test
     */
    record HaloDotProduct(String name, int width, boolean corners, int ranks, DotProductResult result) implements CheckResult {

        /** Relative mismatch accepted: the exchange only copies and adds, so far below the step test's. */
        public static final double TOLERANCE = 1e-13;

        /**
         * Checks for nulls.
         *
         * @param name    the check's name, not null
         * @param width   ghost layers exchanged
         * @param corners whether corner ghosts are exchanged
         * @param ranks   ranks of the run
         * @param result  both sides of the test, not null
         */
        public HaloDotProduct {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(result, "result");
        }

        @Override
        public boolean passed() {
            return result.relativeMismatch() <= TOLERANCE;
        }

        @Override
        public String summary() {
            return String.format(Locale.ROOT, "relative mismatch %.3e (tolerance %.0e)", result.relativeMismatch(), TOLERANCE);
        }
    }

    /**
     * The Taylor test of the whole gradient in one direction.
     *
     * @param name      the check's name
     * @param direction what the direction perturbs, e.g. "kappa" or "all controls"
     * @param result    remainders and observed order
     */
    record Taylor(String name, String direction, TaylorResult result) implements CheckResult {

        /**
         * Checks for nulls.
         *
         * @param name      the check's name, not null
         * @param direction what the direction perturbs, not null
         * @param result    remainders and observed order, not null
         */
        public Taylor {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(result, "result");
        }

        @Override
        public boolean passed() {
            return result.passed();
        }

        @Override
        public String summary() {
            String accepted = String.format(Locale.ROOT, "(accepted [%.1f, %.1f])", TaylorResult.MIN_ORDER,
                    TaylorResult.MAX_ORDER);
            if (Double.isNaN(result.order())) {
                return "no order: fewer than 3 remainders above the rounding floor " + accepted;
            }
            return String.format(Locale.ROOT, "order %.4f %s", result.order(), accepted);
        }
    }
}
