package org.adjoint4j.checkpoint.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.TierUsage;
import org.junit.jupiter.api.Test;

class OnDiskScheduleTest {

    @Test
    void movesEverySnapshotToDiskAndChangesNothingElse() {
        BinomialSchedule memory = BinomialSchedule.of(500, 7);
        ScheduleSummary inMemory = ScheduleSummary.of(memory);
        ScheduleSummary onDisk = ScheduleSummary.of(OnDiskSchedule.of(memory));
        assertEquals(inMemory.forwardEvaluations(), onDisk.forwardEvaluations());
        assertEquals(inMemory.actions(), onDisk.actions());
        assertEquals(TierUsage.NONE, onDisk.usage(Tier.MEMORY));
        assertEquals(inMemory.usage(Tier.MEMORY), onDisk.usage(Tier.DISK));
        assertEquals(inMemory.usage(Tier.MEMORY).stores(), onDisk.diskWrites());
    }

    @Test
    void refusesAScheduleThatAlreadyUsesTheDisk() {
        MultiLevelSchedule twoTiers = MultiLevelSchedule.builder().steps(40).memorySlots(2).diskSlots(3).writeCost(1)
                .readCost(1).build();
        assertThrows(IllegalArgumentException.class, () -> OnDiskSchedule.of(twoTiers));
    }
}
