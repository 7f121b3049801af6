package org.adjoint4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.solvers.heat.Heat2dProblem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One heat2d forward step and one adjoint step (κ gradient included), per call, with the SIMD
 * kernels; add {@code -jvmArgsAppend -Dadjoint4j.simd=false} for the scalar ones.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class Heat2dStepBenchmark {
    /** Creates the benchmark state; JMH instantiates it. */
    public Heat2dStepBenchmark() {
    }

    /** Cells per side N of the N×N grid: 512 (2 MiB per field) or 2048 (32 MiB per field). */
    @Param({"512", "2048"})
    public int cells;

    private StepFixture fixture;

    /** Builds the stepper and its arrays: the problem's κ and initial state; λ' = u. */
    @Setup
    public void setUp() {
        Heat2dProblem p = Heat2dProblem.builder().cells(cells).steps(1).build();
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
     * One adjoint step, κ gradient accumulated.
     *
     * @return the output adjoint λ<sub>n</sub>, returned so that JMH consumes it
     */
    @Benchmark
    public Fields adjoint() {
        return fixture.adjoint();
    }
}
