package org.adjoint4j.adjoint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.HaloExchange;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The adjoint halo exchange is the exact transpose of the forward one, on in-process ranks. */
class HaloDotProductTestTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int[][] grids = {{1, 1}, {2, 1}, {1, 2}, {3, 1}, {2, 2}, {4, 1}, {3, 2}, {2, 3}};
        for (int[] g : grids) {
            for (int width : new int[] {1, 2}) {
                for (boolean corners : new boolean[] {false, true}) {
                    for (boolean periodic : new boolean[] {false, true}) {
                        cases.add(Arguments.of(g[0], g[1], width, corners, periodic));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}x{1} ranks, width {2}, corners {3}, periodic {4}")
    @MethodSource("cases")
    void adjointExchangeIsTheTransposeToRoundingError(int px, int py, int width, boolean corners, boolean periodic) {
        // 13x11 cells: uneven splits for every rank count here
        Decomposition2d d = Decomposition2d.of(13, 11, ProcessGrid.of(px, py, periodic, periodic));
        ConcurrentLinkedQueue<DotProductResult> results = new ConcurrentLinkedQueue<>();
        JobResult job = ThreadLauncher.run(px * py, (comm, args) -> {
            HaloExchange halo = HaloExchange.builder(comm, d).width(width).ghost(2).corners(corners).build();
            results.add(HaloDotProductTest.run(comm, halo, 3, 99));
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(job.ok(), job.message());
        for (DotProductResult r : results) {
            assertTrue(r.relativeMismatch() <= 1e-13, r.toString());
        }
    }

    @ParameterizedTest(name = "{0} ranks, width {1}, periodic {2}")
    @CsvSource({"1,2,true", "1,1,false", "2,2,true", "3,2,true", "3,1,false", "4,2,true"})
    void adjointExchangeOfOneDimensionalFieldsIsTheTranspose(int px, int width, boolean periodic) {
        Decomposition2d d = Decomposition2d.of(13, 1, ProcessGrid.of(px, 1, periodic, false));
        ConcurrentLinkedQueue<DotProductResult> results = new ConcurrentLinkedQueue<>();
        JobResult job = ThreadLauncher.run(px, (comm, args) -> {
            HaloExchange halo = HaloExchange.builder(comm, d).width(width).ghost(2).ghostRows(0).build();
            results.add(HaloDotProductTest.run(comm, halo, 2, 17));
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(job.ok(), job.message());
        assertEquals(px, results.size());
        for (DotProductResult r : results) {
            assertTrue(r.relativeMismatch() <= 1e-13, r.toString());
        }
    }
}
