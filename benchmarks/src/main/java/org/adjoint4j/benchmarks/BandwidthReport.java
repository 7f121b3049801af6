package org.adjoint4j.benchmarks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link StreamBenchmark} and {@link Heat2dStepBenchmark} in one JMH run and states each heat2d
 * step as a fraction of the measured memory bandwidth. Bytes counted as STREAM does (each array read
 * or written once, 8 bytes per value): forward 24 B per cell (read u and κ, write u'), adjoint 48 B
 * per cell (read u, λ' and κ, write λ, read and write the κ gradient).
 */
public final class BandwidthReport {

    private static final double FORWARD_BYTES_PER_CELL = 24;
    private static final double ADJOINT_BYTES_PER_CELL = 48;

    private BandwidthReport() {
    }

    /**
     * Runs the benchmarks (with their annotated JMH options) and prints the bandwidth table to
     * standard output.
     *
     * @param args ignored
     * @throws RunnerException if JMH cannot run the benchmarks
     */
    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(StreamBenchmark.class.getName())
                .include(Heat2dStepBenchmark.class.getName())
                .build()).run();
        Map<String, Double> score = new HashMap<>();
        Map<String, Double> error = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            String cells = r.getParams().getParam("cells");
            String key = cells == null ? name : name + cells;
            score.put(key, r.getPrimaryResult().getScore());
            error.put(key, r.getPrimaryResult().getScoreError());
        }
        double elements = 16777216;
        double copy = 16 * elements / (score.get("copy") * 1e-3) / 1e9;
        double triad = 24 * elements / (score.get("triad") * 1e-3) / 1e9;
        System.out.println();
        System.out.printf(Locale.ROOT, "STREAM-like in Java (2^24 doubles per array): copy %.2f GB/s, triad %.2f GB/s%n", copy, triad);
        System.out.printf(Locale.ROOT, "%-8s %-8s %12s %10s %10s %14s%n", "N", "step", "us/step", "ns/cell", "GB/s",
                "of triad");
        for (String n : new String[] {"512", "2048"}) {
            double cells = Double.parseDouble(n) * Double.parseDouble(n);
            double fwd = score.get("forward" + n);
            double adj = score.get("adjoint" + n);
            row(n, "forward", fwd, error.get("forward" + n), cells, FORWARD_BYTES_PER_CELL, triad);
            row(n, "adjoint", adj, error.get("adjoint" + n), cells, ADJOINT_BYTES_PER_CELL, triad);
            System.out.printf(Locale.ROOT, "%-8s adjoint/forward time ratio %.2f%n", n, adj / fwd);
        }
    }

    private static void row(String n, String step, double microseconds, double err, double cells, double bytesPerCell,
            double triad) {
        double gbs = bytesPerCell * cells / (microseconds * 1e-6) / 1e9;
        System.out.printf(Locale.ROOT, "%-8s %-8s %8.1f±%-4.0f %10.3f %10.2f %13.0f%%%n", n, step, microseconds, err,
                microseconds * 1e3 / cells, gbs, 100 * gbs / triad);
    }
}
