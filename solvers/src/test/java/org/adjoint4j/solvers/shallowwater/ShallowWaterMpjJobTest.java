package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.adjoint4j.solvers.GradientJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shallow-water gradients (RK3 with walls, leapfrog periodic) computed by real MPJ Express jobs on 3
 * ranks are bit for bit those of 3 in-process ranks.
 */
class ShallowWaterMpjJobTest {

    /** 17 x 9 cells, 40 steps, 5 snapshot slots. */
    private static final List<String> ARGS = List.of("17", "9", "40", "5");

    @TempDir
    Path dir;

    /** J and 3 control + 3 state fields (RK3), J and 3 + 6 (leapfrog), 17 x 9 cells each, from rank 0. */
    private double[] inProcess(int ranks) throws IOException {
        double[] v = GradientJobs.inProcess(new ShallowWaterGradientJob(), ranks, dir.resolve("threads-" + ranks), ARGS);
        assertEquals(2 + (6 + 9) * 17 * 9, v.length, "values written by rank 0");
        return v;
    }

    @Test
    void multicoreJobOfThreeRanksGivesTheInProcessGradient() throws IOException {
        double[] multicore = GradientJobs.multicore(ShallowWaterGradientJob.class, 3, dir.resolve("multicore"), ARGS);
        assertArrayEquals(inProcess(3), multicore, "same ranks, same arithmetic: bit-identical");
    }

    @Test
    void niodevJobOfThreeJvmsGivesTheInProcessGradient() throws IOException {
        double[] niodev = GradientJobs.niodev(ShallowWaterGradientJob.class, 3, dir.resolve("niodev"), ARGS);
        assertArrayEquals(inProcess(3), niodev, "same ranks, same arithmetic: bit-identical");
    }
}
