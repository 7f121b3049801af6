package org.adjoint4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generation of every action of a binomial schedule: whole walks per second, and actions per second
 * (the {@code actions} counter). The cursor walk allocates nothing per action; the record stream
 * allocates one record per action.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ScheduleGenerationBenchmark {
    /** Creates the benchmark state; JMH instantiates it. */
    public ScheduleGenerationBenchmark() {
    }

    /** Number of time steps {@code l} of the schedule. */
    @Param({"1000000"})
    public int steps;

    /** Memory slots {@code s} of the schedule. */
    @Param({"20"})
    public int snapshots;

    private BinomialSchedule schedule;

    /** Counts actions so that JMH reports them per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Actions {
        /** Creates the counters; JMH instantiates them. */
        public Actions() {
        }

        /** Actions generated in the current iteration; JMH reports it as a rate. */
        public long actions;

        /** Zeroes the counter at the start of each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            actions = 0;
        }
    }

    /** Creates the schedule once; each benchmark call walks it from a fresh cursor. */
    @Setup
    public void setUp() {
        schedule = BinomialSchedule.of(steps, snapshots);
    }

    /**
     * Walks every action with an {@link ActionCursor}.
     *
     * @param counter receives the number of actions walked (accumulated)
     * @return the sum of the actions' steps, returned so that JMH consumes it
     */
    @Benchmark
    public long cursorWalk(Actions counter) {
        ActionCursor c = schedule.cursor();
        long n = 0;
        long check = 0;
        while (c.next()) {
            n++;
            check += c.step();
        }
        counter.actions += n;
        return check;
    }

    /**
     * Counts every action of {@link BinomialSchedule#actions()}, one record each.
     *
     * @param counter receives the number of actions walked (accumulated)
     * @return the number of actions, returned so that JMH consumes it
     */
    @Benchmark
    public long recordStream(Actions counter) {
        long n = schedule.actions().count();
        counter.actions += n;
        return n;
    }
}
