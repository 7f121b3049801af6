package org.adjoint4j.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The forward exchange puts the owning rank's value into every ghost it fills, and no more. */
class HaloExchangeTest {

    private static final double UNTOUCHED = -1e300;

    static double value(int field, int gi, int gj) {
        return field * 1e6 + gj * 1000 + gi;
    }

    @ParameterizedTest(name = "{0}x{1} ranks, width {2}, corners {3}, periodic {4}, ghost rows {5}")
    @CsvSource({"1,1,1,false,false,2", "1,1,2,true,true,2", "2,1,1,false,false,2", "3,1,2,true,true,2",
        "2,2,1,true,false,2", "2,2,2,false,true,2", "3,2,1,true,true,2", "2,3,2,true,true,2", "4,1,1,false,true,2",
        "2,2,1,true,true,1", "3,2,2,true,false,3", "1,1,2,false,true,3"})
    void ghostsHoldTheNeighboursOwnedValues(int px, int py, int width, boolean corners, boolean periodic, int ghostRows) {
        int nx = 11;
        int ny = 9;
        int ghost = 2;
        ProcessGrid grid = ProcessGrid.of(px, py, periodic, periodic);
        Decomposition2d d = Decomposition2d.of(nx, ny, grid);
        JobResult r = ThreadLauncher.run(px * py, (comm, args) -> {
            HaloExchange halo = HaloExchange.builder(comm, d).width(width).ghost(ghost).ghostRows(ghostRows)
                    .corners(corners).build();
            Block b = d.block(comm.rank());
            int stride = b.nx() + 2 * ghost;
            double[][] fields = new double[2][halo.fieldLength()];
            for (int f = 0; f < 2; f++) {
                java.util.Arrays.fill(fields[f], UNTOUCHED);
                for (int j = 0; j < b.ny(); j++) {
                    for (int i = 0; i < b.nx(); i++) {
                        fields[f][(j + ghostRows) * stride + i + ghost] = value(f, b.offsetX() + i, b.offsetY() + j);
                    }
                }
            }
            halo.exchange(fields);
            for (int f = 0; f < 2; f++) {
                for (int j = -ghostRows; j < b.ny() + ghostRows; j++) {
                    for (int i = -ghost; i < b.nx() + ghost; i++) {
                        boolean outX = i < 0 || i >= b.nx();
                        boolean outY = j < 0 || j >= b.ny();
                        int gi = b.offsetX() + i;
                        int gj = b.offsetY() + j;
                        boolean inWidth = i >= -width && i < b.nx() + width && j >= -width && j < b.ny() + width;
                        boolean reachable = (periodic || gi >= 0 && gi < nx) && (periodic || gj >= 0 && gj < ny);
                        boolean filled = inWidth && reachable && (!(outX && outY) || corners);
                        double expected = !outX && !outY ? value(f, gi, gj)
                                : filled ? value(f, Math.floorMod(gi, nx), Math.floorMod(gj, ny)) : UNTOUCHED;
                        double actual = fields[f][(j + ghostRows) * stride + i + ghost];
                        if (actual != expected) {
                            throw new AssertionError("rank " + comm.rank() + " field " + f + " local (" + i + ", " + j
                                    + "): expected " + expected + " but was " + actual);
                        }
                    }
                }
            }
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(r.ok(), r.message());
    }

    @ParameterizedTest(name = "{0} ranks, width {1}, periodic {2}")
    @CsvSource({"1,2,true", "1,1,false", "2,1,true", "3,2,true", "3,2,false", "4,1,true"})
    void oneDimensionalFieldsWithoutGhostRowsAreExchangedInX(int px, int width, boolean periodic) {
        int nx = 11;
        int ghost = 2;
        Decomposition2d d = Decomposition2d.of(nx, 1, ProcessGrid.of(px, 1, periodic, false));
        JobResult r = ThreadLauncher.run(px, (comm, args) -> {
            HaloExchange halo = HaloExchange.builder(comm, d).width(width).ghost(ghost).ghostRows(0).build();
            Block b = d.block(comm.rank());
            assertEquals(b.nx() + 2 * ghost, halo.fieldLength());
            double[] field = new double[halo.fieldLength()];
            java.util.Arrays.fill(field, UNTOUCHED);
            for (int i = 0; i < b.nx(); i++) {
                field[i + ghost] = value(0, b.offsetX() + i, 0);
            }
            halo.exchange(field);
            for (int i = -ghost; i < b.nx() + ghost; i++) {
                int gi = b.offsetX() + i;
                boolean owned = i >= 0 && i < b.nx();
                boolean filled = i >= -width && i < b.nx() + width && (periodic || gi >= 0 && gi < nx);
                double expected = owned || filled ? value(0, Math.floorMod(gi, nx), 0) : UNTOUCHED;
                assertEquals(expected, field[i + ghost], "rank " + comm.rank() + " local cell " + i);
            }
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(r.ok(), r.message());
    }

    @Test
    void fieldsWithoutGhostRowsNeedOneRowOfRanks() {
        Decomposition2d d = Decomposition2d.of(8, 4, ProcessGrid.of(1, 2, false, false));
        JobResult r = ThreadLauncher.run(2, (comm, args) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HaloExchange.builder(comm, d).ghostRows(0).build());
            assertEquals("fields without ghost rows are exchanged in x only: the process grid must have one row of"
                    + " ranks and not be periodic in y, was 1x2", e.getMessage());
        }, new String[0], Duration.ofSeconds(10));
        assertTrue(r.ok(), r.message());
        assertEquals("ghostRows must be >= 0, was -1", assertThrows(IllegalArgumentException.class,
                () -> HaloExchange.builder(SerialCommunicator.instance(), Decomposition2d.of(4, 1, ProcessGrid.of(1, 1, true, false)))
                        .ghostRows(-1)).getMessage());
    }

    @Test
    void aBlockNarrowerThanTheWidthIsRefused() {
        Decomposition2d d = Decomposition2d.of(3, 8, ProcessGrid.of(2, 1, false, false));
        JobResult r = ThreadLauncher.run(2, (comm, args) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HaloExchange.builder(comm, d).width(2).build());
            assertEquals("rank 1 owns 1x8 cells, fewer than the halo width 2 in a direction", e.getMessage());
        }, new String[0], Duration.ofSeconds(10));
        assertTrue(r.ok(), r.message());
    }

    @Test
    void aRefusedStartLeavesTheExchangeInFlightOnItsOwnField() {
        Decomposition2d d = Decomposition2d.of(4, 4, ProcessGrid.of(1, 1, true, true));
        HaloExchange halo = HaloExchange.builder(SerialCommunicator.instance(), d).width(1).ghost(1).build();
        double[] first = new double[halo.fieldLength()];
        double[] second = new double[halo.fieldLength()];
        int stride = 4 + 2;
        first[stride + 4] = 7; // owned cell (3, 0): the periodic left ghost of row 0 copies it
        halo.start(first);
        assertThrows(IllegalStateException.class, () -> halo.start(second));
        assertThrows(IllegalStateException.class, () -> halo.adjoint(second));
        halo.finish();
        assertEquals(7, first[stride]);
        assertEquals(0, second[stride]);
    }
}
