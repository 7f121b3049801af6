package org.adjoint4j.solvers.burgers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.adjoint4j.solvers.GradientJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** burgers2d gradients computed by real MPJ Express jobs are bit-identical to the in-process ones. */
class BurgersMpjJobTest {

    private static final int NX = 23;
    private static final int NY = 16;
    private static final int T = 45;

    private static final List<String> ARGS = List.of(Integer.toString(NX), Integer.toString(NY), Integer.toString(T), "5");

    @TempDir
    Path dir;

    /** J, four gathered fields, dJ/dnu, from rank 0. */
    private double[] inProcess(int ranks) throws IOException {
        double[] v = GradientJobs.inProcess(new BurgersGradientJob(), ranks, dir.resolve("threads-" + ranks), ARGS);
        assertEquals(2 + 4 * NX * NY, v.length, "values written by rank 0");
        return v;
    }

    @Test
    void multicoreJobOfThreeRanksGivesTheInProcessGradient() throws IOException {
        double[] multicore = GradientJobs.multicore(BurgersGradientJob.class, 3, dir.resolve("multicore"), ARGS);
        assertArrayEquals(inProcess(3), multicore, "same ranks, same arithmetic: bit-identical");
    }

    @Test
    void niodevJobOfThreeJvmsGivesTheInProcessAndTheOneRankGradient() throws IOException {
        double[] niodev = GradientJobs.niodev(BurgersGradientJob.class, 3, dir.resolve("niodev"), ARGS);
        assertArrayEquals(inProcess(3), niodev, "same ranks, same arithmetic: bit-identical");
        double[] one = inProcess(1);
        double scale = 0;
        for (int k = 1; k < one.length - 1; k++) {
            scale = Math.max(scale, Math.abs(one[k]));
        }
        assertEquals(one[0], niodev[0], 1e-12 * Math.abs(one[0]), "J");
        for (int k = 1; k < one.length - 1; k++) {
            assertEquals(one[k], niodev[k], 1e-12 * scale, "gradient value " + k);
        }
        assertEquals(one[one.length - 1], niodev[one.length - 1], 1e-12 * Math.abs(one[one.length - 1]), "dJ/dnu");
    }
}
