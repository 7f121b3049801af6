package org.adjoint4j.solvers.burgers;

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

/** burgers2d gradients computed by real MPJ Express jobs are bit-identical to the in-process ones. */
class BurgersMpjJobTest {

    private static final String JOB = BurgersGradientJob.class.getName();
    private static final LaunchOptions OPTIONS = LaunchOptions.builder().timeout(Duration.ofSeconds(120)).build();
    private static final int NX = 23;
    private static final int NY = 16;
    private static final int T = 45;

    @TempDir
    Path dir;

    private static List<String> args(Path out) {
        return List.of(out.toString(), Integer.toString(NX), Integer.toString(NY), Integer.toString(T), "5");
    }

    private double[] inProcess(int ranks) throws IOException {
        Path out = dir.resolve("threads-" + ranks);
        JobResult r = ThreadLauncher.run(ranks, new BurgersGradientJob(), args(out).toArray(new String[0]),
                Duration.ofSeconds(60));
        assertTrue(r.ok(), r.message());
        return read(out);
    }

    /** J, four gathered fields, dJ/dnu. */
    private static double[] read(Path file) throws IOException {
        int values = 2 + 4 * NX * NY;
        double[] v = new double[values];
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            for (int k = 0; k < values; k++) {
                v[k] = in.readDouble();
            }
            assertEquals(-1, in.read(), "nothing after dJ/dnu");
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
