package org.adjoint4j.checkpoint.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LevelPlacementTest {

    @Test
    void evictsTheNewestDispensableCheckpointOrPromotesTheNewest() {
        // Three positions, worked by hand from the rule:
        // {0} +1 +2 -> {0, 1, 2}; +3: none dispensable, 2 replaced, 3 at level 1;
        // +4: 1 (level 0 before a level 1) goes; +5: none dispensable, 4 replaced, 5 at level 1;
        // +6: none dispensable (3 and 5 both level 1), 5 replaced, 6 at level 2; +7: 3 goes.
        LevelPlacement p = new LevelPlacement(3);
        int[] evicted = new int[8];
        for (int step = 1; step <= 7; step++) {
            evicted[step] = p.add(step);
        }
        assertEquals(-1, evicted[1]);
        assertEquals(-1, evicted[2]);
        assertEquals(2, evicted[3]);
        assertEquals(1, evicted[4]);
        assertEquals(4, evicted[5]);
        assertEquals(5, evicted[6]);
        assertEquals(3, evicted[7]);
    }

    @Test
    void neverEvictsTheInitialState() {
        LevelPlacement p = new LevelPlacement(2);
        for (int step = 1; step <= 1000; step++) {
            int evicted = p.add(step);
            assertEquals(step == 1 ? -1 : step - 1, evicted, "step " + step);
        }
    }
}
