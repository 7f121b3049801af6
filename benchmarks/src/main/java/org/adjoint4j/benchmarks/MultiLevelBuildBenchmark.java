package org.adjoint4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.adjoint4j.checkpoint.schedule.MultiLevelSchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to build a {@link MultiLevelSchedule} (its dynamic programme and the walk that counts its
 * slots) for {@code l = 10^4} steps and 20 memory slots, with 100 or unlimited disk slots
 * ({@code diskSlots = -1}) and disk costs {@code w = r} in forward steps.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MultiLevelBuildBenchmark {
    /** Creates the benchmark state; JMH instantiates it. */
    public MultiLevelBuildBenchmark() {
    }

    /** Number of time steps {@code l}. */
    @Param({"10000"})
    public int steps;

    /** Memory slots {@code s_m}. */
    @Param({"20"})
    public int memorySlots;

    /** Disk slots {@code s_d}; -1 for unlimited disk. */
    @Param({"100", "-1"})
    public int diskSlots;

    /** Cost of one disk write and of one disk read ({@code w = r}), in forward steps. */
    @Param({"0", "0.5", "2"})
    public double diskCost;

    /**
     * Builds the schedule.
     *
     * @return its optimal cost in forward steps, returned so that JMH consumes it
     */
    @Benchmark
    public double build() {
        MultiLevelSchedule.Builder b = MultiLevelSchedule.builder().steps(steps).memorySlots(memorySlots)
                .writeCost(diskCost).readCost(diskCost);
        if (diskSlots < 0) {
            b.unlimitedDisk();
        } else {
            b.diskSlots(diskSlots);
        }
        return b.build().optimalCost();
    }
}
