package org.adjoint4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TangentLinearStepper;
import org.adjoint4j.solvers.shallowwater.ShallowWaterIntegrator;
import org.adjoint4j.solvers.shallowwater.ShallowWaterProblem;
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
 * One shallow-water forward step and one adjoint step (stages recomputed, bathymetry and drag
 * gradients included) on one rank of 512 × 256 cells with walls, in nanoseconds per cell. The RK3
 * state is 3 fields of 1 MiB, the leapfrog state 6.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ShallowWaterStepBenchmark.CELLS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class ShallowWaterStepBenchmark {
    /** Creates the benchmark state; JMH instantiates it. */
    public ShallowWaterStepBenchmark() {
    }

    static final int NX = 512;
    static final int NY = 256;
    static final int CELLS = NX * NY;

    /** The time integrator: RK3 (state of 3 fields) or LEAPFROG (two time levels, 6 fields). */
    @Param({"RK3", "LEAPFROG"})
    public ShallowWaterIntegrator integrator;

    private StepFixture fixture;

    /** Builds the default problem at this size and takes one step, so that the state has flow. */
    @Setup
    public void setUp() {
        ShallowWaterProblem p = ShallowWaterProblem.builder().cells(NX, NY).integrator(integrator).steps(2).build();
        TangentLinearStepper stepper = p.stepper();
        // a state with flow, at step 1 (leapfrog: past its Euler start)
        fixture = new StepFixture(stepper, p.initialControls(), 1, (m, u) -> {
            Fields start = new Fields(stepper.stateLayout());
            p.initialState().evaluate(m, start);
            stepper.forward(0, start, u, m);
        });
    }

    /**
     * One forward step (three stages for RK3).
     *
     * @return the output state u<sub>n+1</sub>, returned so that JMH consumes it
     */
    @Benchmark
    public Fields forward() {
        return fixture.forward();
    }

    /**
     * One adjoint step, stages recomputed and control gradients accumulated.
     *
     * @return the output adjoint λ<sub>n</sub>, returned so that JMH consumes it
     */
    @Benchmark
    public Fields adjoint() {
        return fixture.adjoint();
    }
}
