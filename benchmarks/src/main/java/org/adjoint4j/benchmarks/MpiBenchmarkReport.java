package org.adjoint4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.LaunchOptions;
import org.adjoint4j.mpi.launch.MulticoreLauncher;
import org.adjoint4j.mpi.launch.NiodevLauncher;

/**
 * The MPI benchmarks, each a real MPJ Express job on the multicore device and on niodev:
 * halo exchange forward vs adjoint vs raw sendrecv (N = 1024, width 1, 2 ranks), and the heat2d
 * gradient (N = 1024, T = 1000, s = 20) on 1 and 2 ranks with its parallel efficiency.
 * Run with {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * org.adjoint4j.benchmarks.MpiBenchmarkReport [N T s runs]}.
 */
public final class MpiBenchmarkReport {

    private MpiBenchmarkReport() {
    }

    /**
     * Launches the jobs one after the other and prints the two tables to standard output.
     *
     * @param args optional {@code N T s runs}: cells per side (default 1024), steps (1000), binomial
     *             slots (20) and gradient runs per job (3)
     * @throws Exception if a job cannot be launched, fails ({@link IllegalStateException} with the
     *         device and the job's message) or its result file cannot be read
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int snapshots = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        LaunchOptions options = LaunchOptions.builder().jvmOption("-Xmx6g").timeout(Duration.ofHours(1)).build();
        Path dir = Files.createTempDirectory("adjoint4j-mpi-bench");
        System.out.printf(Locale.ROOT, "halo exchange, N=%d, width 1, 2 ranks (median of batches, microseconds per exchange)%n", n);
        System.out.printf(Locale.ROOT, "%-10s %10s %10s %10s %12s %16s %12s%n", "device", "forward", "adjoint", "sendrecv",
                "message", "adjoint/forward", "raw/forward");
        for (String device : List.of("multicore", "niodev")) {
            Path out = dir.resolve("halo-" + device);
            launch(device, 2, HaloExchangeJob.class.getName(), List.of(out.toString(), Integer.toString(n), "4000"), options);
            String[] f = Files.readString(out).trim().split(" ");
            double fwd = Double.parseDouble(f[0]);
            double adj = Double.parseDouble(f[1]);
            double raw = Double.parseDouble(f[2]);
            System.out.printf(Locale.ROOT, "%-10s %10.2f %10.2f %10.2f %10s B %16.3f %12.3f%n", device, fwd, adj, raw, f[3],
                    adj / fwd, raw / fwd);
        }
        System.out.printf(Locale.ROOT, "%nheat2d gradient N=%d T=%d s=%d (median of %d runs, seconds)%n", n, steps, snapshots, runs);
        System.out.printf(Locale.ROOT, "%-10s %10s %10s %12s %12s%n", "device", "1 rank", "2 ranks", "speed-up", "efficiency");
        for (String device : List.of("multicore", "niodev")) {
            double[] t = new double[2];
            for (int ranks = 1; ranks <= 2; ranks++) {
                Path out = dir.resolve("heat-" + device + ranks);
                launch(device, ranks, Heat2dGradientJob.class.getName(), List.of(out.toString(), Integer.toString(n),
                        Integer.toString(steps), Integer.toString(snapshots), Integer.toString(runs)), options);
                t[ranks - 1] = Double.parseDouble(Files.readString(out).trim().split(" ")[0]);
            }
            System.out.printf(Locale.ROOT, "%-10s %10.3f %10.3f %12.3f %11.1f%%%n", device, t[0], t[1], t[0] / t[1],
                    100 * t[0] / (2 * t[1]));
        }
    }

    private static void launch(String device, int ranks, String program, List<String> args, LaunchOptions options) {
        JobResult r = device.equals("multicore") ? MulticoreLauncher.run(ranks, program, args, options)
                : NiodevLauncher.run(ranks, program, args, options);
        if (!r.ok()) {
            throw new IllegalStateException(device + " job failed: " + r.message());
        }
    }
}
