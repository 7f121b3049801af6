package org.adjoint4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.solvers.lorenz96.Lorenz96;
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
 * One Lorenz-96 RK4 forward step and one adjoint step (stage recomputation and F gradient included) on
 * one rank of 2<sup>18</sup> variables (a 2 MiB state), reported in nanoseconds per variable.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
@OperationsPerInvocation(Lorenz96StepBenchmark.VARIABLES)
public class Lorenz96StepBenchmark {
    /** Creates the benchmark state; JMH instantiates it. */
    public Lorenz96StepBenchmark() {
    }

    /** Variables K: per-call times are divided by K. */
    static final int VARIABLES = 1 << 18;

    private StepFixture fixture;

    /** Builds the stepper and its arrays: x_k = 8 + sin(0.37k), F = 8, λ' = x. */
    @Setup
    public void setUp() {
        Lorenz96 stepper = new Lorenz96(VARIABLES, 0.05);
        Controls controls = new Controls(stepper.controlLayout());
        controls.setScalar("F", 8.0);
        double[] start = new double[VARIABLES];
        for (int k = 0; k < VARIABLES; k++) {
            start[k] = 8.0 + Math.sin(0.37 * k);
        }
        fixture = new StepFixture(stepper, controls, 0, (m, x) -> x.setOwned(0, start));
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
     * One adjoint step, stages recomputed and the F gradient accumulated.
     *
     * @return the output adjoint λ<sub>n</sub>, returned so that JMH consumes it
     */
    @Benchmark
    public Fields adjoint() {
        return fixture.adjoint();
    }
}
