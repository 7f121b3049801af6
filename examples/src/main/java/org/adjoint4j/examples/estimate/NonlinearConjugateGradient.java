package org.adjoint4j.examples.estimate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.NonFiniteValueException;
import org.adjoint4j.adjoint.ReducedFunctional;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Apache Commons Math's nonlinear conjugate gradient (Polak–Ribière, restarted when β &lt; 0) on the
 * estimated controls. Commons Math wants the whole control vector as one {@code double[]}, so every
 * rank holds a replicated copy (fields gathered and broadcast, a collective step per gradient) and
 * runs the optimiser in lockstep. Its line search minimises J along the direction with Brent's
 * method on values alone (forward runs), after bracketing from a first step that changes the
 * controls by 10 % of max(1, ‖m‖<sub>∞</sub>) in the largest component.
 */
public final class NonlinearConjugateGradient implements Optimizer {

    private static final double FIRST_STEP_FRACTION = 0.1;

    private final Decomposition2d decomposition;
    private final Set<String> estimated;
    private final int maxIterations;
    private final double gradientTolerance;
    private final double lineSearchTolerance;

    private NonlinearConjugateGradient(Builder b) {
        this.decomposition = b.decomposition;
        this.estimated = Set.copyOf(b.estimated);
        this.maxIterations = b.maxIterations;
        this.gradientTolerance = b.gradientTolerance;
        this.lineSearchTolerance = b.lineSearchTolerance;
    }

    /**
     * A builder for estimating the controls named in {@code estimated}, whose fields lie on the cells
     * of {@code decomposition}'s grid.
     *
     * @param decomposition how the control fields' global grid is split over the ranks
     * @param estimated     names of the control fields and scalars that move; not empty
     * @return a new builder with the defaults: 100 iterations, gradient tolerance 1e-6, line search
     *         tolerance 1e-3
     * @throws IllegalArgumentException if {@code estimated} is empty
     */
    public static Builder builder(Decomposition2d decomposition, Set<String> estimated) {
        return new Builder(decomposition, estimated);
    }

    @Override
    public OptimizationResult minimize(ReducedFunctional functional, Controls start, IterationListener listener) {
        return new Run(functional, start, listener).run();
    }

    /** One minimisation: the caches of the last evaluations and the counts. */
    private final class Run {
        private final ReducedFunctional functional;
        private final Communicator comm;
        private final ControlVector vector;
        private final Controls work;
        private final IterationListener listener;
        private double[] gradientPoint;
        private GradientResult gradientResult;
        private double[] gradientVector;
        private double[] valuePoint;
        private double valueAtPoint;
        private int values;
        private int gradients;
        private int iterations;
        private double firstNorm;
        private double lastNorm;
        private Termination termination;
        private Controls accepted;
        private double acceptedValue;

        Run(ReducedFunctional functional, Controls start, IterationListener listener) {
            this.functional = Objects.requireNonNull(functional, "functional");
            this.comm = functional.communicator();
            this.vector = new ControlVector(start.layout(), estimated, comm, decomposition);
            this.work = start.copy();
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        OptimizationResult run() {
            double[] x0 = vector.gather(work);
            double[] g0 = gradient(x0);
            firstNorm = norm(g0);
            lastNorm = firstNorm;
            accepted = work.copy();
            acceptedValue = gradientResult.value();
            listener.iterate(new Iterate(0, acceptedValue, firstNorm, accepted, values, gradients));
            double xMax = 0;
            double gMax = 0;
            for (int i = 0; i < x0.length; i++) {
                xMax = Math.max(xMax, Math.abs(x0[i]));
                gMax = Math.max(gMax, Math.abs(g0[i]));
            }
            if (firstNorm <= 0) {
                return result(Termination.GRADIENT_TOLERANCE);
            }
            double bracket = FIRST_STEP_FRACTION * Math.max(1.0, xMax) / gMax;
            ConvergenceChecker<PointValuePair> checker = (iteration, previous, current) -> accept(current);
            NonLinearConjugateGradientOptimizer cg = new NonLinearConjugateGradientOptimizer(
                    NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, checker, lineSearchTolerance,
                    1e-6 * bracket, bracket);
            try {
                cg.optimize(new MaxEval(Integer.MAX_VALUE), new ObjectiveFunction(this::value),
                        new ObjectiveFunctionGradient(this::gradient), GoalType.MINIMIZE, new InitialGuess(x0));
            } catch (MathIllegalStateException e) {
                // bracketing or Brent's search gave up: the last accepted point stands
                termination = Termination.LINE_SEARCH_FAILED;
            }
            return result(termination);
        }

        /** Called by Commons Math once per iteration with the new point, after its gradient was taken. */
        private boolean accept(PointValuePair current) {
            iterations++;
            double[] x = current.getPointRef();
            if (!Arrays.equals(x, gradientPoint)) {
                gradient(x); // not expected: Commons Math takes the gradient at every new point
            }
            lastNorm = norm(gradientVector);
            vector.scatter(x, work);
            accepted = work.copy();
            acceptedValue = current.getValue();
            listener.iterate(new Iterate(iterations, acceptedValue, lastNorm, accepted, values, gradients));
            if (lastNorm <= gradientTolerance * firstNorm) {
                termination = Termination.GRADIENT_TOLERANCE;
                return true;
            }
            if (iterations >= maxIterations) {
                termination = Termination.MAX_ITERATIONS;
                return true;
            }
            return false;
        }

        private OptimizationResult result(Termination t) {
            return new OptimizationResult(accepted, acceptedValue, lastNorm, iterations, t, values, gradients);
        }

        private double value(double[] x) {
            if (Arrays.equals(x, gradientPoint)) {
                return gradientResult.value();
            }
            if (Arrays.equals(x, valuePoint)) {
                return valueAtPoint;
            }
            vector.scatter(x, work);
            values++;
            double v;
            try {
                v = functional.value(work);
            } catch (NonFiniteValueException e) {
                v = Double.POSITIVE_INFINITY; // every rank throws together: the line search backs off
            }
            valuePoint = x.clone();
            valueAtPoint = v;
            return v;
        }

        private double[] gradient(double[] x) {
            if (Arrays.equals(x, gradientPoint)) {
                return gradientVector.clone();
            }
            vector.scatter(x, work);
            gradients++;
            gradientResult = functional.gradient(work);
            gradientPoint = x.clone();
            gradientVector = vector.gather(gradientResult.gradient());
            return gradientVector.clone();
        }

        private double norm(double[] v) {
            double sum = 0;
            for (double e : v) {
                sum += e * e;
            }
            return Math.sqrt(sum);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "nonlinear conjugate gradient (Apache Commons Math, Polak-Ribiere, Brent line"
                + " search, relative tolerance %.1e), at most %d iterations, gradient tolerance %.1e", lineSearchTolerance,
                maxIterations, gradientTolerance);
    }

    /** Settings of a {@link NonlinearConjugateGradient}. */
    public static final class Builder {
        private final Decomposition2d decomposition;
        private final Set<String> estimated;
        private int maxIterations = 100;
        private double gradientTolerance = 1e-6;
        private double lineSearchTolerance = 1e-3;

        private Builder(Decomposition2d decomposition, Set<String> estimated) {
            this.decomposition = Objects.requireNonNull(decomposition, "decomposition");
            this.estimated = Objects.requireNonNull(estimated, "estimated");
            if (estimated.isEmpty()) {
                throw new IllegalArgumentException("estimated controls must not be empty");
            }
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
         * Stop when ‖∇J‖ ≤ tolerance·‖∇J(start)‖ (default 1e-6).
         *
         * @param tolerance the relative gradient tolerance, in [0, 1); 0 never stops on the gradient
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
         * Relative accuracy of the step found by Brent's line search (default 1e-3).
         *
         * @param tolerance the relative tolerance, in (0, 1)
         * @return this builder
         * @throws IllegalArgumentException if the tolerance is outside (0, 1)
         */
        public Builder lineSearchTolerance(double tolerance) {
            if (!(tolerance > 0) || tolerance >= 1) {
                throw new IllegalArgumentException("lineSearchTolerance must be in (0, 1), was " + tolerance);
            }
            this.lineSearchTolerance = tolerance;
            return this;
        }

        /**
         * The optimiser.
         *
         * @return a new optimiser with this builder's settings (the estimated names are copied)
         */
        public NonlinearConjugateGradient build() {
            return new NonlinearConjugateGradient(this);
        }
    }
}
