package org.adjoint4j.solvers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.LaunchOptions;
import org.adjoint4j.mpi.launch.MulticoreLauncher;
import org.adjoint4j.mpi.launch.NiodevLauncher;
import org.adjoint4j.mpi.launch.RankProgram;
import org.adjoint4j.mpi.launch.ThreadLauncher;

/**
 * Runs a gradient job on in-process ranks or as a real MPJ Express job (multicore device, niodev) and
 * reads what it wrote: a job is a {@link RankProgram} whose first argument is a file, into which rank 0
 * writes its results as big-endian doubles. Fails the test if the job fails.
 */
public final class GradientJobs {

    private static final LaunchOptions OPTIONS = LaunchOptions.builder().timeout(Duration.ofSeconds(120)).build();

    private GradientJobs() {
    }

    /** The job on {@code ranks} threads of this JVM. */
    public static double[] inProcess(RankProgram job, int ranks, Path out, List<String> args) throws IOException {
        JobResult r = ThreadLauncher.run(ranks, job, withOutput(out, args).toArray(new String[0]), Duration.ofSeconds(60));
        assertTrue(r.ok(), r.message());
        return read(out);
    }

    /** The job on MPJ Express's multicore device. */
    public static double[] multicore(Class<? extends RankProgram> job, int ranks, Path out, List<String> args)
            throws IOException {
        JobResult r = MulticoreLauncher.run(ranks, job.getName(), withOutput(out, args), OPTIONS);
        assertTrue(r.ok(), r.message());
        return read(out);
    }

    /** The job as one JVM per rank connected by MPJ Express's niodev device. */
    public static double[] niodev(Class<? extends RankProgram> job, int ranks, Path out, List<String> args)
            throws IOException {
        JobResult r = NiodevLauncher.run(ranks, job.getName(), withOutput(out, args), OPTIONS);
        assertTrue(r.ok(), r.message());
        return read(out);
    }

    /** Every double in {@code file}. */
    public static double[] read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        double[] v = new double[bytes.remaining() / Double.BYTES];
        bytes.asDoubleBuffer().get(v);
        return v;
    }

    private static List<String> withOutput(Path out, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(out.toString());
        all.addAll(args);
        return all;
    }
}
