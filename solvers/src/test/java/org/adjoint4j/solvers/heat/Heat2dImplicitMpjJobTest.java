package org.adjoint4j.solvers.heat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.adjoint4j.solvers.GradientJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Implicit heat2d gradients computed by real MPJ Express jobs equal the in-process ones bit for bit: the
 * solver's allreduce sums in rank order on every backend, so even its iteration counts agree.
 */
class Heat2dImplicitMpjJobTest {

    private static final int N = 14;
    private static final int T = 12;

    private static final List<String> ARGS = List.of(Integer.toString(N), Integer.toString(T), "4");

    @TempDir
    Path dir;

    /** J, two gathered fields and the iteration count, from rank 0. */
    private double[] inProcess(int ranks) throws IOException {
        double[] v = GradientJobs.inProcess(new Heat2dImplicitGradientJob(), ranks, dir.resolve("threads-" + ranks), ARGS);
        assertEquals(2 + 2 * N * N, v.length, "values written by rank 0");
        return v;
    }

    @Test
    void multicoreJobOfThreeRanksGivesTheInProcessGradient() throws IOException {
        double[] multicore = GradientJobs.multicore(Heat2dImplicitGradientJob.class, 3, dir.resolve("multicore"), ARGS);
        assertArrayEquals(inProcess(3), multicore, "same ranks, same arithmetic: bit-identical");
    }

    @Test
    void niodevJobOfThreeJvmsGivesTheInProcessAndTheOneRankGradient() throws IOException {
        double[] niodev = GradientJobs.niodev(Heat2dImplicitGradientJob.class, 3, dir.resolve("niodev"), ARGS);
        assertArrayEquals(inProcess(3), niodev, "same ranks, same arithmetic: bit-identical");
        double[] one = inProcess(1);
        for (int k = 0; k < one.length - 1; k++) {
            assertEquals(one[k], niodev[k], 1e-12 * Math.max(Math.abs(one[k]), Math.abs(one[0])), "value " + k);
        }
    }
}
