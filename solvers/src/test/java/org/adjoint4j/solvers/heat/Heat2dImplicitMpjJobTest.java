package org.adjoint4j.solvers.heat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.LaunchOptions;
import org.adjoint4j.mpi.launch.MulticoreLauncher;
import org.adjoint4j.mpi.launch.NiodevLauncher;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Implicit heat2d gradients computed by real MPJ Express jobs equal the in-process ones bit for bit: the
 * solver's allreduce sums in rank order on every backend, so even its iteration counts agree.
 */
class Heat2dImplicitMpjJobTest {

    private static final String JOB = Heat2dImplicitGradientJob.class.getName();
    private static final LaunchOptions OPTIONS = LaunchOptions.builder().timeout(Duration.ofSeconds(120)).build();
    private static final int N = 14;
    private static final int T = 12;

    @TempDir
    Path dir;

    private static List<String> args(Path out) {
        return List.of(out.toString(), Integer.toString(N), Integer.toString(T), "4");
    }

    private double[] inProcess(int ranks) throws IOException {
        Path out = dir.resolve("threads-" + ranks);
        JobResult r = ThreadLauncher.run(ranks, new Heat2dImplicitGradientJob(), args(out).toArray(new String[0]),
                Duration.ofSeconds(60));
        assertTrue(r.ok(), r.message());
        return read(out);
    }

    private static double[] read(Path file) throws IOException {
        double[] v = new double[2 + 2 * N * N];
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            for (int k = 0; k < v.length; k++) {
                v[k] = in.readDouble();
            }
        }
        return v;
    }

    @Test
    void multicoreJobOfThreeRanksGivesTheInProcessGradient() throws IOException {
        Path out = dir.resolve("multicore");
        JobResult r = MulticoreLauncher.run(3, JOB, args(out), OPTIONS);
        assertTrue(r.ok(), r.message());
        assertArrayEquals(inProcess(3), read(out), "same ranks, same arithmetic: bit-identical");
    }

    @Test
    void niodevJobOfThreeJvmsGivesTheInProcessAndTheOneRankGradient() throws IOException {
        Path out = dir.resolve("niodev");
        JobResult r = NiodevLauncher.run(3, JOB, args(out), OPTIONS);
        assertTrue(r.ok(), r.message());
        double[] niodev = read(out);
        assertArrayEquals(inProcess(3), niodev, "same ranks, same arithmetic: bit-identical");
        double[] one = inProcess(1);
        for (int k = 0; k < one.length - 1; k++) {
            assertEquals(one[k], niodev[k], 1e-12 * Math.max(Math.abs(one[k]), Math.abs(one[0])), "value " + k);
        }
    }
}
