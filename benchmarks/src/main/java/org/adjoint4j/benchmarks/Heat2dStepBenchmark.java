package org.adjoint4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.solvers.heat.Heat2d;
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

    private Heat2d stepper;
    private Controls controls;
    private Controls gradient;
    private Fields u;
    private Fields out;
    private Fields lambda;
    private Fields lambdaOut;

    /** Builds the stepper and its arrays: the problem's κ and initial state; λ' = u. */
    @Setup
    public void setUp() {
        Heat2dProblem p = Heat2dProblem.builder().cells(cells).steps(1).build();
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
     * One adjoint step, κ gradient accumulated.
     *
     * @return the output adjoint λ<sub>n</sub>, returned so that JMH consumes it
     */
    @Benchmark
    public Fields adjoint() {
        stepper.adjoint(0, u, lambda, lambdaOut, controls, gradient);
        return lambdaOut;
    }
}
