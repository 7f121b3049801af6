package org.adjoint4j.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcessGridTest {

    @Test
    void neighboursWrapOnlyInPeriodicDirections() {
        ProcessGrid g = ProcessGrid.of(3, 2, true, false);
        // ranks: y=0: 0 1 2, y=1: 3 4 5
        assertEquals(2, g.neighbour(0, -1, 0));
        assertEquals(1, g.neighbour(0, 1, 0));
        assertEquals(3, g.neighbour(0, 0, 1));
        assertEquals(Communicator.NO_RANK, g.neighbour(0, 0, -1));
        assertEquals(Communicator.NO_RANK, g.neighbour(4, 0, 1));
        assertEquals(3, g.neighbour(5, 1, 0));
        assertEquals(2, g.coordX(5));
        assertEquals(1, g.coordY(5));
    }

    @Test
    void aSingleRankIsItsOwnPeriodicNeighbour() {
        ProcessGrid g = ProcessGrid.of(1, 1, true, true);
        assertEquals(0, g.neighbour(0, -1, 0));
        assertEquals(0, g.neighbour(0, 0, 1));
    }

    @Test
    void balancedGridMinimisesTheHaloPerRank() {
        // 12 ranks on a 400x100 grid: halo 400/px + 100/py is smallest for 12x1 (33.3+100) ... 6x2 (66.7+50)
        // candidates: 1x12 408.3, 2x6 216.7, 3x4 158.3, 4x3 133.3, 6x2 116.7, 12x1 133.3
        ProcessGrid g = ProcessGrid.balanced(12, 400, 100, false, false);
        assertEquals(6, g.px());
        assertEquals(2, g.py());
        assertEquals(5, ProcessGrid.balanced(5, 64, 64, false, false).px(), "a prime count: ties go to px");
        assertEquals(2, ProcessGrid.balanced(4, 64, 64, false, false).px());
    }

    @Test
    void badDimensionsAreNamed() {
        assertEquals("process grid dimensions must be >= 1, were px=0, py=2",
                assertThrows(IllegalArgumentException.class, () -> ProcessGrid.of(0, 2, false, false)).getMessage());
        assertEquals("rank must be in [0, 4), was 4",
                assertThrows(IllegalArgumentException.class, () -> ProcessGrid.of(2, 2, false, false).coordX(4)).getMessage());
    }
}
