package org.adjoint4j.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * STREAM-like copy (16 bytes per element) and triad (24 bytes per element) in Java over arrays much
 * larger than the caches: the memory bandwidth that a stencil step is compared against.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class StreamBenchmark {
    /** Creates the benchmark state; JMH instantiates it. */
    public StreamBenchmark() {
    }

    /** Elements per array: 2^24 doubles = 128 MiB. */
    @Param({"16777216"})
    public int elements;

    private double[] a;
    private double[] b;
    private double[] c;

    /** Allocates and fills the three arrays (a = 1, b = 2, c = 0.5), touching every page. */
    @Setup
    public void setUp() {
        a = new double[elements];
        b = new double[elements];
        c = new double[elements];
        for (int i = 0; i < elements; i++) {
            a[i] = 1.0;
            b[i] = 2.0;
            c[i] = 0.5;
        }
    }

    /**
     * Copy: {@code b[i] = a[i]}.
     *
     * @return the array written, returned so that JMH consumes it
     */
    @Benchmark
    public double[] copy() {
        System.arraycopy(a, 0, b, 0, elements);
        return b;
    }

    /**
     * Triad: {@code a[i] = b[i] + 3·c[i]}.
     *
     * @return the array written, returned so that JMH consumes it
     */
    @Benchmark
    public double[] triad() {
        final double s = 3.0;
        final double[] x = a;
        final double[] y = b;
        final double[] z = c;
        for (int i = 0; i < x.length; i++) {
            x[i] = y[i] + s * z[i];
        }
        return x;
    }
}
