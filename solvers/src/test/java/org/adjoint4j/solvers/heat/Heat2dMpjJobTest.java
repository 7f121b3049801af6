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

/** heat2d gradients computed by real MPJ Express jobs equal the in-process ones; failures end the job. */
class Heat2dMpjJobTest {

    private static final String JOB = Heat2dGradientJob.class.getName();
    private static final LaunchOptions OPTIONS = LaunchOptions.builder().timeout(Duration.ofSeconds(120)).build();
    private static final int N = 23;
    private static final int T = 60;

    @TempDir
    Path dir;

    private List<String> args(Path out, int failingRank) {
        return List.of(out.toString(), Integer.toString(N), Integer.toString(T), "6", Integer.toString(failingRank), "17");
    }

    private double[] inProcess(int ranks) throws IOException {
        Path out = dir.resolve("threads-" + ranks);
        JobResult r = ThreadLauncher.run(ranks, new Heat2dGradientJob(), args(out, -1).toArray(new String[0]),
                Duration.ofSeconds(60));
        assertTrue(r.ok(), r.message());
        return read(out);
    }

    private static double[] read(Path file) throws IOException {
        int values = 1 + 2 * N * N;
        double[] v = new double[values];
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            for (int k = 0; k < values; k++) {
                v[k] = in.readDouble();
            }
        }
        return v;
    }

    @Test
    void multicoreJobOfFourRanksGivesTheInProcessGradient() throws IOException {
        Path out = dir.resolve("multicore");
        JobResult r = MulticoreLauncher.run(4, JOB, args(out, -1), OPTIONS);
        assertTrue(r.ok(), r.message());
        assertArrayEquals(inProcess(4), read(out), "same ranks, same arithmetic: bit-identical");
    }

    @Test
    void niodevJobOfThreeJvmsGivesTheInProcessAndTheOneRankGradient() throws IOException {
        Path out = dir.resolve("niodev");
        JobResult r = NiodevLauncher.run(3, JOB, args(out, -1), OPTIONS);
        assertTrue(r.ok(), r.message());
        double[] niodev = read(out);
        assertArrayEquals(inProcess(3), niodev);
        double[] one = inProcess(1);
        for (int k = 0; k < one.length; k++) {
            assertEquals(one[k], niodev[k], 1e-12 * Math.max(Math.abs(one[k]), Math.abs(one[0])), "value " + k);
        }
    }

    @Test
    void aRankThatThrowsDuringTheReverseSweepEndsEveryKindOfJob() {
        Path out = dir.resolve("never");
        long start = System.nanoTime();
        JobResult threads = ThreadLauncher.run(3, new Heat2dGradientJob(), args(out, 1).toArray(new String[0]),
                Duration.ofSeconds(60));
        JobResult multicore = MulticoreLauncher.run(3, JOB, args(out, 1), OPTIONS);
        JobResult niodev = NiodevLauncher.run(3, JOB, args(out, 2), OPTIONS);
        for (JobResult r : List.of(threads, multicore, niodev)) {
            assertEquals(1, r.exitCode(), r.message());
            assertTrue(r.message().contains("adjoint step 17 failed on purpose"), r.message());
        }
        assertEquals(1, threads.failedRank());
        assertEquals(1, multicore.failedRank());
        assertEquals(2, niodev.failedRank());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(60).toNanos(), "each job ends within seconds");
        assertTrue(Files.notExists(out), "no result is written by a failed job");
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive), "no JVM is left");
    }
}
