package org.adjoint4j.examples.cli.progress;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.adjoint4j.adjoint.SweepObserver;
import org.adjoint4j.adjoint.SweepStatistics;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ValueTypes;

/**
 * Shows how far a gradient computation has got and when it will end: a bar redrawn in place on a
 * terminal, or a plain line every few seconds in a batch log.
 *
 * <p>The total work is known from the schedule when the sweep starts: F forward evaluations
 * (recomputations included) and A adjoint steps. The time between two step events is charged to the
 * later event's kind, so storage and objective time is included. The ETA is
 * (F − f)·t<sub>f</sub> + (A − a)·t<sub>a</sub>, with t<sub>f</sub> and t<sub>a</sub> the mean
 * measured cost of a forward and an adjoint step so far; until the first adjoint step, an adjoint step
 * is taken to cost as much as a forward one. The percentage is elapsed / (elapsed + ETA), so it
 * advances with time rather than with the step count.
 *
 * <p>Step events cost one clock read and a comparison; text is formatted only when a line is due.
 */
public final class ProgressObserver implements SweepObserver {

    /** {@code progress.mode}. */
    public static final ConfigKey<String> MODE = ConfigKey.optional("progress.mode",
            ValueTypes.oneOf(ProgressMode.names()), ProgressMode.AUTO.configName(),
            "how progress is shown: a bar on a terminal and log lines otherwise (auto), always a bar, always log lines, or nothing");
    /** {@code progress.interval_seconds}. */
    public static final ConfigKey<Double> INTERVAL_SECONDS = ConfigKey.optional("progress.interval_seconds",
            ValueTypes.numberAbove(0), 10.0, "seconds between two progress lines in log mode");
    /** The keys of the {@code [progress]} section. */
    public static final List<ConfigKey<?>> KEYS = List.of(MODE, INTERVAL_SECONDS);

    private static final long BAR_REDRAW_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean bar;
    private final long intervalNanos;
    private final LongSupplier clock;

    private long totalForward;
    private long totalAdjoint;
    private long forwardDone;
    private long adjointDone;
    private long forwardNanos;
    private long adjointNanos;
    private long start;
    private long last;
    private long nextLine;
    private int drawnWidth;

    ProgressObserver(PrintWriter out, boolean bar, long intervalNanos, LongSupplier clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.bar = bar;
        if (intervalNanos < 1) {
            throw new IllegalArgumentException("intervalNanos must be >= 1, was " + intervalNanos);
        }
        this.intervalNanos = intervalNanos;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The observer that {@code configuration}'s {@code [progress]} section asks for, printing to
     * {@code out} on rank 0 only: {@link SweepObserver#NONE} on other ranks and in mode "off"; in mode
     * "auto" a bar when the JVM has a console, log lines otherwise.
     *
     * @param configuration a configuration with the {@code [progress]} keys
     * @param out           where progress is printed; not closed
     * @param rank          this rank; only rank 0 prints
     * @return the observer to pass to the sweeps
     */
    public static SweepObserver create(Configuration configuration, PrintWriter out, int rank) {
        ProgressMode mode = ProgressMode.named(configuration.get(MODE));
        return create(mode, configuration.get(INTERVAL_SECONDS), out, rank, System.console() != null);
    }

    /**
     * An observer printing to {@code out} on rank 0 only.
     *
     * @param mode            how progress is shown
     * @param intervalSeconds seconds between lines in log mode, finite and > 0
     * @param out             where progress is printed; not closed
     * @param rank            this rank; only rank 0 prints
     * @param terminal        whether {@code out} is a terminal (decides {@link ProgressMode#AUTO})
     * @return {@link SweepObserver#NONE} on ranks other than 0 and in mode "off", else a new observer
     * @throws IllegalArgumentException if the interval is not finite and positive
     */
    public static SweepObserver create(ProgressMode mode, double intervalSeconds, PrintWriter out, int rank,
                                       boolean terminal) {
        if (!(intervalSeconds > 0) || Double.isInfinite(intervalSeconds)) {
            throw new IllegalArgumentException("intervalSeconds must be finite and > 0, was " + intervalSeconds);
        }
        if (rank != 0 || mode == ProgressMode.OFF) {
            return SweepObserver.NONE;
        }
        boolean bar = mode == ProgressMode.BAR || mode == ProgressMode.AUTO && terminal;
        long interval = Math.max(1L, (long) (intervalSeconds * 1e9));
        return new ProgressObserver(out, bar, interval, System::nanoTime);
    }

    @Override
    public void started(long forwardEvaluations, long adjointSteps) {
        totalForward = forwardEvaluations;
        totalAdjoint = adjointSteps;
        forwardDone = 0;
        adjointDone = 0;
        forwardNanos = 0;
        adjointNanos = 0;
        start = clock.getAsLong();
        last = start;
        nextLine = start + (bar ? BAR_REDRAW_NANOS : intervalNanos);
        drawnWidth = 0;
    }

    @Override
    public void forwardStep(int n) {
        long now = clock.getAsLong();
        forwardNanos += now - last;
        last = now;
        forwardDone++;
        if (now >= nextLine) {
            report(now);
        }
    }

    @Override
    public void adjointStep(int n) {
        long now = clock.getAsLong();
        adjointNanos += now - last;
        last = now;
        adjointDone++;
        if (now >= nextLine) {
            report(now);
        }
    }

    @Override
    public void finished(SweepStatistics statistics) {
        long elapsed = clock.getAsLong() - start;
        String text = statistics != null
                ? String.format(Locale.ROOT, "done in %s (forward %d, adjoint %d)", clock(elapsed), forwardDone, adjointDone)
                : totalForward < 0 ? String.format(Locale.ROOT, "stopped after %s (forward %d, adjoint %d)", clock(elapsed),
                        forwardDone, adjointDone)
                : String.format(Locale.ROOT, "stopped after %s (forward %d/%d, adjoint %d/%d)", clock(elapsed),
                        forwardDone, totalForward, adjointDone, totalAdjoint);
        if (bar) {
            draw(statistics != null ? 1.0 : totalForward < 0 ? 0 : fraction(elapsed), text);
            out.println();
        } else {
            out.println("progress: " + text);
        }
        out.flush();
    }

    private void report(long now) {
        long elapsed = now - start;
        if (totalForward < 0) {
            // an online run: its length, and so its remaining work, is not known
            String text = String.format(Locale.ROOT, "forward %d, adjoint %d, elapsed %s (online: no estimate)", forwardDone,
                    adjointDone, clock(elapsed));
            if (bar) {
                draw(0, text);
                nextLine = now + BAR_REDRAW_NANOS;
            } else {
                out.println("progress: " + text);
                nextLine = now + intervalNanos;
            }
            out.flush();
            return;
        }
        String counts = String.format(Locale.ROOT, "forward %d/%d, adjoint %d/%d", forwardDone, totalForward, adjointDone,
                totalAdjoint);
        double f = fraction(elapsed);
        String eta = clock(remainingNanos());
        if (bar) {
            draw(f, String.format(Locale.ROOT, "%3.0f%%  %s  elapsed %s  ETA %s", 100 * f, counts, clock(elapsed), eta));
            nextLine = now + BAR_REDRAW_NANOS;
        } else {
            out.printf(Locale.ROOT, "progress: %3.0f%% (%s), elapsed %s, ETA %s%n", 100 * f, counts, clock(elapsed), eta);
            nextLine = now + intervalNanos;
        }
        out.flush();
    }

    /** The bar, redrawn over the previous one. */
    private void draw(double fraction, String text) {
        int filled = (int) Math.round(Math.min(1.0, Math.max(0.0, fraction)) * BAR_WIDTH);
        String line = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + text;
        int pad = Math.max(0, drawnWidth - line.length());
        out.print("\r" + line + " ".repeat(pad));
        drawnWidth = line.length();
    }

    private long remainingNanos() {
        if (forwardDone == 0) {
            return 0;
        }
        double perForward = (double) forwardNanos / forwardDone;
        double perAdjoint = adjointDone > 0 ? (double) adjointNanos / adjointDone : perForward;
        return (long) ((totalForward - forwardDone) * perForward + (totalAdjoint - adjointDone) * perAdjoint);
    }

    private double fraction(long elapsed) {
        if (forwardDone == 0) {
            return 0;
        }
        double remaining = remainingNanos();
        return elapsed + remaining > 0 ? elapsed / (elapsed + remaining) : 1.0;
    }

    /** "m:ss" or "h:mm:ss". */
    static String clock(long nanos) {
        long s = Math.round(nanos * 1e-9);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
