package org.adjoint4j.examples.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.adjoint4j.adjoint.SweepObserver;
import org.adjoint4j.adjoint.SweepStatistics;
import org.junit.jupiter.api.Test;

class ProgressObserverTest {

    private static final long MS = 1_000_000L;

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);
    private final long[] now = {5_000 * MS};

    private static SweepStatistics statistics(long forward, long adjoint) {
        return new SweepStatistics(100, forward, adjoint, Map.of(), Map.of(), 0, 0, 0, 0, 0, 0);
    }

    /** 100 forward steps of 200 ms, then 50 adjoint steps of 400 ms. */
    private void sweep(SweepObserver p) {
        p.started(100, 50);
        for (int n = 0; n < 100; n++) {
            now[0] += 200 * MS;
            p.forwardStep(n);
        }
        for (int n = 49; n >= 0; n--) {
            now[0] += 400 * MS;
            p.adjointStep(n);
        }
        p.finished(statistics(100, 50));
    }

    @Test
    void logLinesComeEveryIntervalWithAnEtaFromTheMeasuredStepCosts() {
        sweep(new ProgressObserver(out, false, 10_000 * MS, () -> now[0]));
        // At 10 s: 50 forward steps of 0.2 s done; left 50 forward and 50 adjoint steps, an adjoint step taken to
        // cost a forward one until one is measured: 20 s, so 10 / 30 done. At 20 s: 50 adjoint steps at 0.2 s left.
        // At 30 s: 25 adjoint steps of 0.4 s done, 25 left: 10 s, 30 / 40 done. At 40 s: nothing left.
        assertEquals(List.of(
                "progress:  33% (forward 50/100, adjoint 0/50), elapsed 0:10, ETA 0:20",
                "progress:  67% (forward 100/100, adjoint 0/50), elapsed 0:20, ETA 0:10",
                "progress:  75% (forward 100/100, adjoint 25/50), elapsed 0:30, ETA 0:10",
                "progress: 100% (forward 100/100, adjoint 50/50), elapsed 0:40, ETA 0:00",
                "progress: done in 0:40 (forward 100, adjoint 50)"), text.toString().lines().toList());
    }

    @Test
    void anOnlineRunShowsCountsWithoutAnEstimate() {
        SweepObserver p = new ProgressObserver(out, false, 10_000 * MS, () -> now[0]);
        p.started(-1, -1);
        for (int n = 0; n < 60; n++) {
            now[0] += 200 * MS;
            p.forwardStep(n);
        }
        p.finished(null);
        assertEquals(List.of("progress: forward 50, adjoint 0, elapsed 0:10 (online: no estimate)",
                "progress: stopped after 0:12 (forward 60, adjoint 0)"), text.toString().lines().toList());
    }

    @Test
    void aBarIsRedrawnInPlaceAndEndsWithANewline() {
        sweep(new ProgressObserver(out, true, 10_000 * MS, () -> now[0]));
        String s = text.toString();
        String[] frames = s.split("\r");
        assertTrue(frames.length > 50, "a frame at most every 250 ms of a 40 s sweep: " + frames.length);
        assertTrue(s.contains("[##########....................]  33%  forward 50/100, adjoint 0/50  elapsed 0:10  ETA 0:20"),
                s);
        assertTrue(frames[frames.length - 1].startsWith("[##############################] done in 0:40"), s);
        assertTrue(s.endsWith(System.lineSeparator()), "the last frame is kept");
        assertEquals(1, s.chars().filter(ch -> ch == '\n').count(), "a single line, redrawn");
    }

    @Test
    void aFailedSweepSaysWhereItStopped() {
        ProgressObserver p = new ProgressObserver(out, false, 10_000 * MS, () -> now[0]);
        p.started(100, 50);
        now[0] += 3_000 * MS;
        p.forwardStep(0);
        p.finished(null);
        assertEquals("progress: stopped after 0:03 (forward 1/100, adjoint 0/50)", text.toString().strip());
    }

    @Test
    void onlyRankZeroPrintsAndOffPrintsNothing() {
        assertSame(SweepObserver.NONE, ProgressObserver.create(ProgressMode.LOG, 1, out, 1, false));
        assertSame(SweepObserver.NONE, ProgressObserver.create(ProgressMode.BAR, 1, out, 3, true));
        assertSame(SweepObserver.NONE, ProgressObserver.create(ProgressMode.OFF, 1, out, 0, true));
    }

    @Test
    void autoDrawsABarOnATerminalAndLinesElsewhere() {
        SweepObserver batch = ProgressObserver.create(ProgressMode.AUTO, 1, out, 0, false);
        batch.started(1, 1);
        batch.finished(statistics(1, 1));
        assertTrue(text.toString().startsWith("progress: done"), text.toString());
        text.getBuffer().setLength(0);
        SweepObserver terminal = ProgressObserver.create(ProgressMode.AUTO, 1, out, 0, true);
        terminal.started(1, 1);
        terminal.finished(statistics(1, 1));
        assertTrue(text.toString().startsWith("\r[###"), text.toString());
    }

    @Test
    void intervalsAndModesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ProgressObserver.create(ProgressMode.LOG, 0, out, 0, false));
        assertThrows(IllegalArgumentException.class,
                () -> ProgressObserver.create(ProgressMode.LOG, Double.POSITIVE_INFINITY, out, 0, false));
        assertEquals(ProgressMode.BAR, ProgressMode.named("bar"));
        assertThrows(IllegalArgumentException.class, () -> ProgressMode.named("fancy"));
    }

    @Test
    void clockTimesHaveMinutesAndHours() {
        assertEquals("0:59", ProgressObserver.clock(59_000 * MS));
        assertEquals("2:05", ProgressObserver.clock(125_000 * MS));
        assertEquals("1:00:01", ProgressObserver.clock(3_601_000 * MS));
    }
}
