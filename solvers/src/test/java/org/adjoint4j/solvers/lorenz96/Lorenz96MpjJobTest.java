package org.adjoint4j.solvers.lorenz96;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.adjoint4j.solvers.GradientJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lorenz-96 gradients computed by real MPJ Express jobs equal the in-process ones. */
class Lorenz96MpjJobTest {

    private static final int K = 37;
    private static final int T = 20;

    private static final List<String> ARGS = List.of(Integer.toString(K), Integer.toString(T), "4");

    @TempDir
    Path dir;

    /** J, dJ/dF, dJ/dx0, from rank 0. */
    private double[] inProcess(int ranks) throws IOException {
        double[] v = GradientJobs.inProcess(new Lorenz96GradientJob(), ranks, dir.resolve("threads-" + ranks), ARGS);
        assertEquals(2 + K, v.length, "values written by rank 0");
        return v;
    }

    @Test
    void multicoreJobOfThreeRanksGivesTheInProcessGradient() throws IOException {
        double[] multicore = GradientJobs.multicore(Lorenz96GradientJob.class, 3, dir.resolve("multicore"), ARGS);
        assertArrayEquals(inProcess(3), multicore, "same ranks, same arithmetic: bit-identical");
    }

    @Test
    void niodevJobOfThreeJvmsGivesTheInProcessAndTheOneRankGradient() throws IOException {
        double[] niodev = GradientJobs.niodev(Lorenz96GradientJob.class, 3, dir.resolve("niodev"), ARGS);
        assertArrayEquals(inProcess(3), niodev, "same ranks, same arithmetic: bit-identical");
        double[] one = inProcess(1);
        assertEquals(one[0], niodev[0], 1e-12 * Math.abs(one[0]), "J");
        assertEquals(one[1], niodev[1], 1e-12 * Math.abs(one[1]), "dJ/dF");
        double scale = 0;
        for (int k = 2; k < one.length; k++) {
            scale = Math.max(scale, Math.abs(one[k]));
        }
        for (int k = 2; k < one.length; k++) {
            assertEquals(one[k], niodev[k], 1e-12 * scale, "dJ/dx0 of variable " + (k - 2));
        }
    }
}
