package org.adjoint4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.solvers.heat.Heat2dImplicit;
import org.adjoint4j.solvers.heat.Heat2dImplicitProblem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Crank–Nicolson heat2d forward step (a product with B and a conjugate-gradient solve) and one
 * adjoint step (the forward solve again, the adjoint solve, the κ gradient) on one rank of N = 512
 * (2 MiB per field), dt = 10× the explicit limit, tolerance 1e-14; in nanoseconds per cell.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
@OperationsPerInvocation(Heat2dImplicitStepBenchmark.CELLS * Heat2dImplicitStepBenchmark.CELLS)
public class Heat2dImplicitStepBenchmark {
    /** Creates the benchmark state; JMH instantiates it. */
    public Heat2dImplicitStepBenchmark() {
    }

    /** Cells per side N: per-call times are divided by N². */
    static final int CELLS = 512;

    private Heat2dImplicit stepper;
    private Controls controls;
    private Controls gradient;
    private Fields u;
    private Fields out;
    private Fields lambda;
    private Fields lambdaOut;

    /** Builds the stepper and its arrays: the problem's κ and Gaussian u0; λ' = u. */
    @Setup
    public void setUp() {
        Heat2dImplicitProblem p = Heat2dImplicitProblem.builder().cells(CELLS).steps(1).build();
        stepper = p.stepper();
        controls = p.initialControls();
        stepper.prepare(controls);
        gradient = new Controls(controls.layout());
        u = new Fields(stepper.stateLayout());
        out = new Fields(stepper.stateLayout());
        lambda = new Fields(stepper.stateLayout());
        lambdaOut = new Fields(stepper.stateLayout());
        p.initialState().evaluate(controls, u);
        lambda.copyFrom(u);
    }

    /**
     * One forward step.
     *
     * @return the output state u<sub>n+1</sub>, returned so that JMH consumes it
     */
    @Benchmark
    public Fields forward() {
        stepper.forward(0, u, out, controls);
        return out;
    }

    /**
     * One adjoint step: the forward solve again, the adjoint solve, the κ gradient accumulated.
     *
     * @return the output adjoint λ<sub>n</sub>, returned so that JMH consumes it
     */
    @Benchmark
    public Fields adjoint() {
        stepper.adjoint(0, u, lambda, lambdaOut, controls, gradient);
        return lambdaOut;
    }
}
