package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
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
 * Shallow-water gradients (RK3 with walls, leapfrog periodic) computed by real MPJ Express jobs on 3
 * ranks are bit for bit those of 3 in-process ranks.
 */
class ShallowWaterMpjJobTest {

    private static final String JOB = ShallowWaterGradientJob.class.getName();
    private static final LaunchOptions OPTIONS = LaunchOptions.builder().timeout(Duration.ofSeconds(120)).build();
    private static final List<String> SIZE = List.of("17", "9", "40", "5");

    @TempDir
    Path dir;

    private List<String> args(Path out) {
        return List.of(out.toString(), SIZE.get(0), SIZE.get(1), SIZE.get(2), SIZE.get(3));
    }

    private double[] inProcess(int ranks) throws IOException {
        Path out = dir.resolve("threads-" + ranks);
        JobResult r = ThreadLauncher.run(ranks, new ShallowWaterGradientJob(), args(out).toArray(new String[0]),
                Duration.ofSeconds(60));
        assertTrue(r.ok(), r.message());
        return read(out);
    }

    private static double[] read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        double[] v = new double[bytes.remaining() / Double.BYTES];
        bytes.asDoubleBuffer().get(v);
        // J and 3 control fields + 3 state fields (RK3), J and 3 + 6 (leapfrog), 17 x 9 cells each
        assertEquals(2 + (6 + 9) * 17 * 9, v.length, "values written by rank 0");
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
    void niodevJobOfThreeJvmsGivesTheInProcessGradient() throws IOException {
        Path out = dir.resolve("niodev");
        JobResult r = NiodevLauncher.run(3, JOB, args(out), OPTIONS);
        assertTrue(r.ok(), r.message());
        assertArrayEquals(inProcess(3), read(out), "same ranks, same arithmetic: bit-identical");
    }
}
