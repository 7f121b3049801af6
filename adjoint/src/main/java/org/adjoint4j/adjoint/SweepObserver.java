package org.adjoint4j.adjoint;

/**
 * Observes the progress of a gradient computation, e.g. to draw a progress bar. Called on every
 * rank, on the driver's thread; an observer that prints should do so on rank 0 only. Calls must be
 * cheap: {@link #forwardStep} and {@link #adjointStep} come once per step.
 */
public interface SweepObserver {

    /** An observer that does nothing. */
    SweepObserver NONE = new SweepObserver() {
    };

    /**
     * A gradient computation starts.
     *
     * @param forwardEvaluations calls of the forward step the schedule will make, recomputations
     *                           included; -1 for an online run, whose length is not known in advance
     * @param adjointSteps       adjoint steps to come; -1 for an online run
     */
    default void started(long forwardEvaluations, long adjointSteps) {
    }

    /**
     * The forward step {@code n} has been computed (first time or recomputation).
     *
     * @param n index of the step just taken, u<sub>n+1</sub> = F<sub>n</sub>(u<sub>n</sub>, m);
     *          {@code 0 <= n < l}
     */
    default void forwardStep(int n) {
    }

    /**
     * The adjoint of step {@code n} has been computed.
     *
     * @param n index of the step whose adjoint gave λ<sub>n</sub>; counts down from {@code l-1} to 0
     */
    default void adjointStep(int n) {
    }

    /**
     * The computation ended, successfully or not ({@code statistics} is null after a failure).
     *
     * @param statistics counts and timings of this rank's computation; {@code null} if it failed
     */
    default void finished(SweepStatistics statistics) {
    }
}
