package org.adjoint4j.checkpoint.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.adjoint4j.checkpoint.Action;
import org.adjoint4j.checkpoint.ActionKind;
import org.adjoint4j.checkpoint.OnlineCursor;
import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DynamicScheduleTest {

    /** t(length, slots) by (length << 8 | slots): the ranges between checkpoints recur at every step. */
    private static final Map<Long, Long> COSTS = new ConcurrentHashMap<>();

    /** C(n, k) in long arithmetic, for the small arguments used here. */
    static long choose(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** The least r with C(s+r, s) >= l: some step is evaluated r times by any schedule. */
    static int repetitions(long l, int s) {
        if (s == 1) {
            return (int) Math.max(l - 1, 0);
        }
        int r = 0;
        while (choose(s + r, s) < l) {
            r++;
        }
        return r;
    }

    /** t(l, s): the binomial optimum without the turn, from the closed form. */
    static long binomialCost(long l, int s) {
        if (l <= 1) {
            return 0;
        }
        if (s == 1) {
            return l * (l - 1) / 2;
        }
        int r = repetitions(l, s);
        return r * l - choose(s + r, s + 1);
    }

    /** The documented bound: l + (r−1)(l−1). */
    static long bound(int l, int s) {
        int r = repetitions(l, s);
        return r == 0 ? l : l + (long) (r - 1) * (l - 1);
    }

    /**
     * Drives the forward phase as a driver would, up to step {@code maxSteps}, and for every run
     * length {@code n} checks the checkpoints the driver holds at that moment: each range between
     * them is short enough for the minimal repetition number, the binomial reversal of the ranges
     * keeps the run within the bound, and the run replayed in full (for the lengths in
     * {@code replayAt}) costs exactly that.
     */
    private static void checkEveryRunLength(int s, int maxSteps, List<Integer> replayAt) {
        OnlineCursor c = DynamicSchedule.of(s).cursor();
        TreeMap<Integer, Integer> held = new TreeMap<>();   // step -> slot
        int live = 0;
        while (live < maxSteps) {
            assertTrue(c.next(), "the forward phase stopped at step " + live);
            switch (c.kind()) {
                case STORE -> {
                    assertEquals(live, c.step(), "store of a state that is not live");
                    assertEquals(null, held.put(c.step(), c.slot()), "step stored twice");
                    assertTrue(held.size() <= s, "more than " + s + " snapshots at step " + live);
                }
                case DISCARD -> assertEquals(c.slot(), held.remove(c.step()), "discard of a step not held");
                case ADVANCE -> {
                    assertEquals(live, c.step(), "advance from a step that is not live");
                    for (int n = live + 1; n <= Math.min(c.to(), maxSteps); n++) {
                        checkRunLength(s, n, held, replayAt.contains(n));
                    }
                    live = (int) Math.min(c.to(), maxSteps);
                }
                default -> fail("a " + c.kind() + " before the run ended");
            }
        }
    }

    private static void checkRunLength(int s, int n, TreeMap<Integer, Integer> held, boolean replay) {
        int r = repetitions(n, s);
        List<Integer> x = new ArrayList<>(held.headMap(n - 1).keySet());   // u_{n-1} is the driver's
        assertEquals(0, x.isEmpty() ? 0 : x.get(0), "u_0 held, n=" + n);
        long predicted = n;
        for (int i = 0; i < x.size(); i++) {
            int length = (i + 1 < x.size() ? x.get(i + 1) : n - 1) - x.get(i);
            int slots = s - i;
            assertTrue(r == 0 || length <= choose(slots + r - 1, slots),
                    "s=" + s + " n=" + n + ": range " + (i + 1) + " of " + length + " steps with " + slots
                            + " slots exceeds C(" + (slots + r - 1) + ", " + slots + ")");
            predicted += COSTS.computeIfAbsent((long) length << 8 | slots, key -> binomialCost(length, slots));
        }
        assertTrue(predicted <= bound(n, s), "s=" + s + " n=" + n + ": " + predicted + " > bound " + bound(n, s));
        if (replay) {
            ScheduleSummary summary = ScheduleSummary.ofOnline(DynamicSchedule.of(s), n);
            assertEquals(predicted, summary.forwardEvaluations(), "replayed forward evaluations, s=" + s + " n=" + n);
        }
    }

    /** Run lengths around the ends of repetition bands C(s+r, s) (about a dozen bands), and a few long runs. */
    private static List<Integer> bandEdges(int s, int max) {
        int bands = 1;
        while (choose(s + bands + 1, s) <= max) {
            bands++;
        }
        List<Integer> at = new ArrayList<>();
        for (int r = 1; r <= bands; r += Math.max(1, bands / 12)) {
            long beta = choose(s + r, s);
            for (long n = beta - 1; n <= beta + 2; n++) {
                if (n >= 1 && n <= max) {
                    at.add((int) n);
                }
            }
        }
        for (int n = max; n > max / 2; n -= max / 7) {
            at.add(n);
        }
        return at;
    }

    @ParameterizedTest(name = "s={0}")
    @ValueSource(ints = {1, 2, 3, 5, 10, 20, 50})
    void staysWithinItsBoundForEveryRunUpToHundredThousandSteps(int s) {
        checkEveryRunLength(s, 100_000, s == 1 ? List.of(1, 2, 3, 100, 1000) : bandEdges(s, 100_000));
    }

    @Test
    void replaysConsistentlyForEveryShortRun() {
        for (int s = 1; s <= 7; s++) {
            for (int l = 1; l <= 300; l++) {
                ScheduleSummary summary = ScheduleSummary.ofOnline(DynamicSchedule.of(s), l); // checks consistency
                assertEquals(l, summary.adjointSteps());
                assertTrue(summary.peakSnapshots() <= s, "peak " + summary.peakSnapshots() + ", s=" + s + " l=" + l);
                assertTrue(summary.forwardEvaluations() <= bound(l, s), "s=" + s + " l=" + l);
            }
        }
    }

    @Test
    void equalsTheOfflineOptimumWhileEveryStateFits() {
        for (int s = 1; s <= 12; s++) {
            for (int l = 1; l <= s + 1; l++) {
                assertEquals(l, ScheduleSummary.ofOnline(DynamicSchedule.of(s), l).forwardEvaluations(), "s=" + s + " l=" + l);
                assertEquals(l, binomialCost(l, s) + 1);
            }
        }
    }

    @Test
    void equalsTheOfflineOptimumForEveryRunWithOneSlot() {
        for (int l = 1; l <= 400; l++) {
            assertEquals(binomialCost(l, 1) + 1, ScheduleSummary.ofOnline(DynamicSchedule.of(1), l).forwardEvaluations(),
                    "l=" + l);
        }
    }

    @Test
    void keepsAdvancingUntilTheRunEnds() {
        OnlineCursor c = DynamicSchedule.of(4).cursor();
        int live = 0;
        while (live < 50_000) {
            assertTrue(c.next());
            assertTrue(c.kind() == ActionKind.STORE || c.kind() == ActionKind.DISCARD || c.kind() == ActionKind.ADVANCE,
                    "got " + c.action() + " before the end");
            if (c.kind() == ActionKind.ADVANCE) {
                live = c.to();
            }
        }
        c.end(live);
        assertTrue(c.next());
        if (c.kind() == ActionKind.DISCARD) {
            assertEquals(live - 1, c.step(), "only the driver's own u_{l-1} may be discarded first");
            assertTrue(c.next());
        }
        assertEquals(new Action.Turn(live - 1), c.action());
    }

    @Test
    void endMustFollowTheAdvanceThatReachedTheFinalStep() {
        OnlineCursor fresh = DynamicSchedule.of(3).cursor();
        assertEquals("end(1) must follow the advance that reached step 1; the current action is none",
                assertThrows(IllegalStateException.class, () -> fresh.end(1)).getMessage());

        OnlineCursor c = DynamicSchedule.of(3).cursor();
        assertTrue(c.next());
        assertEquals(ActionKind.STORE, c.kind());
        IllegalStateException afterStore = assertThrows(IllegalStateException.class, () -> c.end(1));
        assertTrue(afterStore.getMessage().contains("the current action is Store[step=0, tier=MEMORY, slot=0]"),
                afterStore.getMessage());
        assertTrue(c.next());
        assertEquals(ActionKind.ADVANCE, c.kind());
        int from = c.step();
        int to = c.to();
        assertEquals("last must be in (" + from + ", " + to + "], the current advance, was " + (to + 1),
                assertThrows(IllegalArgumentException.class, () -> c.end(to + 1)).getMessage());
        c.end(to);
        assertEquals("the run already ended at step " + to,
                assertThrows(IllegalStateException.class, () -> c.end(to)).getMessage());
    }

    @Test
    void usesOnlyMemorySlots() {
        DynamicSchedule s = DynamicSchedule.of(6);
        assertEquals(6, s.slots(Tier.MEMORY));
        assertEquals(0, s.slots(Tier.DISK));
        assertEquals(0, ScheduleSummary.ofOnline(s, 1000).diskWrites());
    }

    @Test
    void rejectsNonPositiveSnapshotsNamingThem() {
        assertEquals("snapshots must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> DynamicSchedule.of(0)).getMessage());
    }
}
