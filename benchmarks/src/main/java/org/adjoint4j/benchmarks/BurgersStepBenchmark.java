package org.adjoint4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.solvers.burgers.BurgersProblem;
import org.adjoint4j.solvers.burgers.TimeScheme;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One burgers2d forward step and one adjoint step (stages recomputed, forcing and ν gradients
 * included) on one rank of 512×512 cells (a 4 MB state), reported in ns per cell, for each time scheme.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(BurgersStepBenchmark.CELLS * BurgersStepBenchmark.CELLS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class BurgersStepBenchmark {
    /** Creates the benchmark state; JMH instantiates it. */
    public BurgersStepBenchmark() {
    }

    /** Cells per side. */
    static final int CELLS = 512;

    /** The time scheme of the step: forward Euler, SSP-RK2 or SSP-RK3 (1, 2 or 3 stages). */
    @Param({"FORWARD_EULER", "SSP_RK2", "SSP_RK3"})
    public TimeScheme scheme;

    private StepFixture fixture;

    /** Builds the stepper and its arrays: the problem's controls and initial state; λ' = u. */
    @Setup
    public void setUp() {
        BurgersProblem p = BurgersProblem.builder().cells(CELLS, CELLS).steps(1).scheme(scheme).build();
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
     * One adjoint step, stages recomputed and the forcing and ν gradients accumulated.
     *
     * @return the output adjoint λ<sub>n</sub>, returned so that JMH consumes it
     */
    @Benchmark
    public Fields adjoint() {
        return fixture.adjoint();
    }
}
