package org.adjoint4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.adjoint4j.adjoint.Fields;
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

    private StepFixture fixture;

    /** Builds the stepper and its arrays: the problem's κ and Gaussian u0; λ' = u. */
    @Setup
    public void setUp() {
        Heat2dImplicitProblem p = Heat2dImplicitProblem.builder().cells(CELLS).steps(1).build();
        fixture = new StepFixture(p.stepper(), p.initialControls(), 0, p.initialState()::evaluate);
    }

    /**
     * One forward step.
     *
     * @return the output state u<sub>n+1</sub>, returned so that JMH consumes it
     */
    @Benchmark
    public Fields forward() {
        return fixture.forward();
    }

    /**
     * One adjoint step: the forward solve again, the adjoint solve, the κ gradient accumulated.
     *
     * @return the output adjoint λ<sub>n</sub>, returned so that JMH consumes it
     */
    @Benchmark
    public Fields adjoint() {
        return fixture.adjoint();
    }
}
