package org.adjoint4j.examples.estimate;

import java.util.Locale;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.ReducedFunctional;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;

/**
 * Limited-memory BFGS (Nocedal 1980; Liu &amp; Nocedal 1989) on distributed controls: the inverse
 * Hessian is approximated from the last {@code memory} pairs of steps and gradient changes by the
 * two-loop recursion, scaled by s·y / y·y of the newest pair, with a strong Wolfe line search
 * (c<sub>1</sub> = 1e-4, c<sub>2</sub> = 0.9) whose first trial is the unit step. Every inner product
 * is global ({@link Controls#dot}), so the ranks stay in lockstep and no rank ever holds the whole
 * control vector. The first iteration (and any after a reset) tries a step that changes the controls
 * by 10 % of max(1, ‖m‖<sub>∞</sub>) in the largest component.
 *
 * <pre>
 * OptimizationResult r = Lbfgs.builder().maxIterations(50).gradientTolerance(1e-6).build()
 *         .minimize(functional, firstGuess, IterationListener.NONE);
 * </pre>
 */
public final class Lbfgs implements Optimizer {

    private static final double FIRST_STEP_FRACTION = 0.1;

    private final int memory;
    private final int maxIterations;
    private final double gradientTolerance;
    private final double valueTolerance;
    private final int maxLineSearchEvaluations;

    private Lbfgs(Builder b) {
        this.memory = b.memory;
        this.maxIterations = b.maxIterations;
        this.gradientTolerance = b.gradientTolerance;
        this.valueTolerance = b.valueTolerance;
        this.maxLineSearchEvaluations = b.maxLineSearchEvaluations;
    }

    /**
     * A builder with the defaults: memory 7, 100 iterations, gradient tolerance 1e-6, no value tolerance.
     *
     * @return a new builder (20 gradient evaluations per line search)
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public OptimizationResult minimize(ReducedFunctional functional, Controls start, IterationListener listener) {
        Communicator comm = functional.communicator();
        Controls x = start.copy();
        GradientResult r = functional.gradient(x);
        int gradients = 1;
        double value = r.value();
        Controls g = r.gradient().copy();
        double gradientNorm = Math.sqrt(g.dot(g, comm));
        double firstNorm = gradientNorm;
        listener.iterate(new Iterate(0, value, gradientNorm, x, 0, gradients));

        Controls[] s = new Controls[memory];
        Controls[] y = new Controls[memory];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        int stored = 0;
        int newest = -1;
        Controls d = new Controls(x.layout());
        for (int k = 1; ; k++) {
            if (gradientNorm <= gradientTolerance * firstNorm) {
                return new OptimizationResult(x, value, gradientNorm, k - 1, Termination.GRADIENT_TOLERANCE, 0, gradients);
            }
            if (k > maxIterations) {
                return new OptimizationResult(x, value, gradientNorm, k - 1, Termination.MAX_ITERATIONS, 0, gradients);
            }
            direction(d, g, s, y, rho, alpha, stored, newest, comm);
            double slope = d.dot(g, comm);
            if (!(slope < 0)) {
                stored = 0; // the curvature pairs no longer give a descent direction: restart from steepest descent
                direction(d, g, s, y, rho, alpha, 0, newest, comm);
                slope = -gradientNorm * gradientNorm;
            }
            double firstStep = stored == 0 ? firstStep(x, d, comm) : 1.0;
            WolfeLineSearch.Outcome ls = WolfeLineSearch.search(functional, x, value, d, slope, firstStep,
                    maxLineSearchEvaluations);
            gradients += ls.evaluations();
            WolfeLineSearch.Trial t = ls.accepted();
            if (t == null) {
                if (stored > 0) {
                    stored = 0; // one more chance along steepest descent before giving up
                    k--;
                    continue;
                }
                return new OptimizationResult(x, value, gradientNorm, k - 1, Termination.LINE_SEARCH_FAILED, 0, gradients);
            }
            Controls gNew = t.result().gradient().copy();
            newest = (newest + 1) % memory;
            Controls sk = t.x().copy();
            sk.addScaled(-1.0, x);
            Controls yk = gNew.copy();
            yk.addScaled(-1.0, g);
            double sy = sk.dot(yk, comm);
            if (sy > 1e-12 * Math.sqrt(sk.dot(sk, comm) * yk.dot(yk, comm))) {
                s[newest] = sk;
                y[newest] = yk;
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, memory);
            } else {
                newest = (newest - 1 + memory) % memory; // no positive curvature: keep the old pairs only
            }
            double previous = value;
            x = t.x();
            value = t.value();
            g = gNew;
            gradientNorm = Math.sqrt(g.dot(g, comm));
            listener.iterate(new Iterate(k, value, gradientNorm, x, 0, gradients));
            if (valueTolerance > 0 && previous - value <= valueTolerance * Math.max(Math.abs(previous), Math.abs(value))) {
                return new OptimizationResult(x, value, gradientNorm, k, Termination.VALUE_TOLERANCE, 0, gradients);
            }
        }
    }

    /** d = −H·g by the two-loop recursion over the {@code stored} newest pairs. */
    private void direction(Controls d, Controls g, Controls[] s, Controls[] y, double[] rho, double[] alpha, int stored,
                           int newest, Communicator comm) {
        d.zero();
        d.addScaled(-1.0, g);
        for (int i = 0; i < stored; i++) {
            int p = (newest - i + memory) % memory;
            alpha[p] = rho[p] * s[p].dot(d, comm);
            d.addScaled(-alpha[p], y[p]);
        }
        if (stored > 0) {
            double gamma = 1 / (rho[newest] * y[newest].dot(y[newest], comm));
            d.fields().scale(gamma);
            double[] scalars = d.scalars();
            for (int i = 0; i < scalars.length; i++) {
                scalars[i] *= gamma;
            }
        }
        for (int i = stored - 1; i >= 0; i--) {
            int p = (newest - i + memory) % memory;
            double beta = rho[p] * y[p].dot(d, comm);
            d.addScaled(alpha[p] - beta, s[p]);
        }
    }

    private static double firstStep(Controls x, Controls d, Communicator comm) {
        double xMax = comm.allreduce(x.maxAbs(), ReduceOp.MAX);
        double dMax = comm.allreduce(d.maxAbs(), ReduceOp.MAX);
        return dMax > 0 ? FIRST_STEP_FRACTION * Math.max(1.0, xMax) / dMax : 1.0;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "L-BFGS (memory %d, strong Wolfe line search), at most %d iterations,"
                + " gradient tolerance %.1e%s", memory, maxIterations, gradientTolerance,
                valueTolerance > 0 ? String.format(Locale.ROOT, ", value tolerance %.1e", valueTolerance) : "");
    }

    /** Settings of an {@link Lbfgs}. */
    public static final class Builder {
        private int memory = 7;
        private int maxIterations = 100;
        private double gradientTolerance = 1e-6;
        private double valueTolerance;
        private int maxLineSearchEvaluations = 20;

        private Builder() {
        }

        /**
         * Pairs kept for the Hessian approximation (default 7, at least 1).
         *
         * @param memory the number of (step, gradient change) pairs; each costs two control vectors per rank
         * @return this builder
         * @throws IllegalArgumentException if {@code memory < 1}
         */
        public Builder memory(int memory) {
            if (memory < 1) {
                throw new IllegalArgumentException("memory must be >= 1, was " + memory);
            }
            this.memory = memory;
            return this;
        }

        /**
         * The iteration limit (default 100, at least 1).
         *
         * @param maxIterations the most accepted iterations before stopping with {@link Termination#MAX_ITERATIONS}
         * @return this builder
         * @throws IllegalArgumentException if {@code maxIterations < 1}
         */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /**
         * Stop when ‖∇J‖ ≤ tolerance·‖∇J(start)‖ (default 1e-6; 0 never).
         *
         * @param tolerance the relative gradient tolerance, in [0, 1)
         * @return this builder
         * @throws IllegalArgumentException if the tolerance is outside [0, 1)
         */
        public Builder gradientTolerance(double tolerance) {
            if (!(tolerance >= 0) || tolerance >= 1) {
                throw new IllegalArgumentException("gradientTolerance must be in [0, 1), was " + tolerance);
            }
            this.gradientTolerance = tolerance;
            return this;
        }

        /**
         * Stop when an iteration decreases J by at most tolerance·|J| (default 0: never).
         *
         * @param tolerance the relative value tolerance, in [0, 1); 0 switches the test off
         * @return this builder
         * @throws IllegalArgumentException if the tolerance is outside [0, 1)
         */
        public Builder valueTolerance(double tolerance) {
            if (!(tolerance >= 0) || tolerance >= 1) {
                throw new IllegalArgumentException("valueTolerance must be in [0, 1), was " + tolerance);
            }
            this.valueTolerance = tolerance;
            return this;
        }

        /**
         * Gradient evaluations one line search may spend (default 20, at least 2).
         *
         * @param evaluations the most evaluations of J and its gradient in one line search
         * @return this builder
         * @throws IllegalArgumentException if {@code evaluations < 2}
         */
        public Builder maxLineSearchEvaluations(int evaluations) {
            if (evaluations < 2) {
                throw new IllegalArgumentException("maxLineSearchEvaluations must be >= 2, was " + evaluations);
            }
            this.maxLineSearchEvaluations = evaluations;
            return this;
        }

        /**
         * The optimiser.
         *
         * @return a new, immutable optimiser with this builder's settings
         */
        public Lbfgs build() {
            return new Lbfgs(this);
        }
    }
}
