package org.adjoint4j.adjoint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.junit.jupiter.api.Test;

/** The sweeps allocate nothing per step: a ten times longer run allocates no more. */
class AdjointDriverAllocationTest {

    private static long allocatedBy(Runnable r) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        r.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }

    private static AdjointDriver driver(int steps) {
        return AdjointDriver.builder().stepper(new LinearRecurrence(false))
                .initialState(InitialState.fixed(LinearRecurrence.state(1.5)))
                .objective(LinearRecurrence.halfSquareOfFinalState()).schedule(BinomialSchedule.of(steps, 8)).build();
    }

    @Test
    void aLongerRunAllocatesNoMore() {
        AdjointDriver shortRun = driver(2_000);
        AdjointDriver longRun = driver(20_000);
        Controls m = LinearRecurrence.controls(0.999, 0.001);
        long shortBytes = Long.MAX_VALUE;
        long longBytes = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) { // the minimum over repetitions excludes JIT warm-up
            shortBytes = Math.min(shortBytes, allocatedBy(() -> shortRun.gradient(m)));
            longBytes = Math.min(longBytes, allocatedBy(() -> longRun.gradient(m)));
        }
        long perStep = (longBytes - shortBytes) / 18_000;
        assertTrue(longBytes - shortBytes < 1024,
                "20000 steps allocated " + longBytes + " bytes, 2000 steps " + shortBytes + " (" + perStep + " per step)");
    }
}
