package org.adjoint4j.mpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.Test;

class Decomposition2dTest {

    @Test
    void unevenSplitsGiveTheFirstRanksOneMoreCell() {
        Decomposition2d d = Decomposition2d.of(10, 7, ProcessGrid.of(3, 2, false, false));
        assertEquals(new Block(0, 0, 4, 4), d.block(0));
        assertEquals(new Block(4, 0, 3, 4), d.block(1));
        assertEquals(new Block(7, 0, 3, 4), d.block(2));
        assertEquals(new Block(0, 4, 4, 3), d.block(3));
        assertEquals(new Block(7, 4, 3, 3), d.block(5));
    }

    @Test
    void everyCellHasExactlyOneOwnerAndOwnerAgreesWithBlocks() {
        Decomposition2d d = Decomposition2d.of(13, 11, ProcessGrid.of(4, 3, true, false));
        int[] owners = new int[13 * 11];
        java.util.Arrays.fill(owners, -1);
        for (int r = 0; r < 12; r++) {
            Block b = d.block(r);
            for (int j = b.offsetY(); j < b.offsetY() + b.ny(); j++) {
                for (int i = b.offsetX(); i < b.offsetX() + b.nx(); i++) {
                    assertEquals(-1, owners[j * 13 + i], "cell (" + i + ", " + j + ") owned twice");
                    owners[j * 13 + i] = r;
                    assertEquals(r, d.owner(i, j));
                }
            }
        }
        for (int o : owners) {
            assertTrue(o >= 0);
        }
    }

    @Test
    void gatherAndScatterRoundTripOnSixRanks() {
        Decomposition2d d = Decomposition2d.of(13, 7, ProcessGrid.of(3, 2, false, false));
        double[] global = new double[13 * 7];
        for (int k = 0; k < global.length; k++) {
            global[k] = k * 1.5;
        }
        JobResult result = ThreadLauncher.run(6, (comm, args) -> {
            double[] local = d.scatter(comm, comm.rank() == 2 ? global : null, 2);
            Block b = d.block(comm.rank());
            for (int j = 0; j < b.ny(); j++) {
                for (int i = 0; i < b.nx(); i++) {
                    if (local[j * b.nx() + i] != global[(b.offsetY() + j) * 13 + b.offsetX() + i]) {
                        throw new AssertionError("rank " + comm.rank() + " cell " + i + "," + j);
                    }
                }
            }
            double[] back = d.gather(comm, local, 0);
            if (comm.rank() == 0) {
                assertArrayEquals(global, back);
            } else {
                assertNull(back);
            }
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(result.ok(), result.message());
    }

    @Test
    void aGridSmallerThanTheProcessGridIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decomposition2d.of(3, 10, ProcessGrid.of(4, 1, false, false)));
        assertTrue(e.getMessage().contains("cannot be split over 4x1"), e.getMessage());
    }

    @Test
    void aRootThatIsNoRankIsRefusedOnEveryRank() {
        Decomposition2d d = Decomposition2d.of(4, 4, ProcessGrid.of(2, 1, false, false));
        JobResult r = ThreadLauncher.run(2, (comm, args) -> {
            double[] local = new double[d.block(comm.rank()).cells()];
            assertEquals("root must be a rank, 0 <= root < 2, was -1",
                    assertThrows(IllegalArgumentException.class, () -> d.gather(comm, local, -1)).getMessage());
            assertEquals("root must be a rank, 0 <= root < 2, was 2",
                    assertThrows(IllegalArgumentException.class, () -> d.scatter(comm, null, 2)).getMessage());
        }, new String[0], Duration.ofSeconds(10));
        assertTrue(r.ok(), r.message());
    }
}
