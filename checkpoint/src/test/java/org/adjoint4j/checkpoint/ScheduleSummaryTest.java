package org.adjoint4j.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleSummaryTest {

    /** A schedule that replays a fixed list of actions. */
    static Schedule listed(int steps, int memorySlots, Action... actions) {
        return listed(steps, memorySlots, 0, actions);
    }

    static Schedule listed(int steps, int memorySlots, int diskSlots, Action... actions) {
        return new Schedule() {
            @Override
            public int steps() {
                return steps;
            }

            @Override
            public int slots(Tier tier) {
                return tier == Tier.MEMORY ? memorySlots : diskSlots;
            }

            @Override
            public ActionCursor cursor() {
                return new ListedCursor(List.of(actions), List.of());
            }
        };
    }

    /** An online schedule with fixed forward actions (cycled) and reverse actions; {@code end} switches. */
    static OnlineSchedule listedOnline(int memorySlots, List<Action> forward, List<Action> reverse) {
        return new OnlineSchedule() {
            @Override
            public int slots(Tier tier) {
                return tier == Tier.MEMORY ? memorySlots : 0;
            }

            @Override
            public OnlineCursor cursor() {
                return new ListedCursor(forward, reverse);
            }
        };
    }

    /** Walks {@code first}, then {@code afterEnd} once {@link #end(int)} was called. */
    private static final class ListedCursor implements OnlineCursor {
        private final List<Action> afterEnd;
        private Iterator<Action> it;
        private Action current;

        ListedCursor(List<Action> first, List<Action> afterEnd) {
            this.afterEnd = afterEnd;
            this.it = first.iterator();
        }

        @Override
        public boolean next() {
            current = it.hasNext() ? it.next() : null;
            return current != null;
        }

        @Override
        public void end(int last) {
            it = afterEnd.iterator();
        }

        @Override
        public ActionKind kind() {
            return current.kind();
        }

        @Override
        public int step() {
            if (current instanceof Action.Advance a) {
                return a.from();
            } else if (current instanceof Action.Store a) {
                return a.step();
            } else if (current instanceof Action.Restore a) {
                return a.step();
            } else if (current instanceof Action.Discard a) {
                return a.step();
            } else if (current instanceof Action.Turn a) {
                return a.step();
            }
            return ((Action.Adjoint) current).step();
        }

        @Override
        public int to() {
            return current instanceof Action.Advance a ? a.to() : step();
        }

        @Override
        public Tier tier() {
            if (current instanceof Action.Store a) {
                return a.tier();
            } else if (current instanceof Action.Restore a) {
                return a.tier();
            } else if (current instanceof Action.Discard a) {
                return a.tier();
            }
            return null;
        }

        @Override
        public int slot() {
            if (current instanceof Action.Store a) {
                return a.slot();
            } else if (current instanceof Action.Restore a) {
                return a.slot();
            } else if (current instanceof Action.Discard a) {
                return a.slot();
            }
            return -1;
        }
    }

    private static final Tier M = Tier.MEMORY;
    private static final Tier D = Tier.DISK;

    @Test
    void countsAConsistentHandWrittenSchedule() {
        ScheduleSummary s = ScheduleSummary.of(listed(3, 1,
                new Action.Store(0, M, 0), new Action.Advance(0, 2), new Action.Turn(2),
                new Action.Restore(0, M, 0), new Action.Advance(0, 1), new Action.Adjoint(1),
                new Action.Restore(0, M, 0), new Action.Adjoint(0), new Action.Discard(0, M, 0)));
        assertEquals(4, s.forwardEvaluations());
        assertEquals(3, s.adjointSteps());
        assertEquals(new TierUsage(1, 2, 1), s.usage(M));
        assertEquals(4.0 / 3, s.recomputeFactor(), 1e-15);
    }

    @Test
    void rejectsARestoreOfASlotHoldingAnotherStep() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScheduleSummary.of(listed(2, 1,
                new Action.Store(0, M, 0), new Action.Advance(0, 1), new Action.Turn(1),
                new Action.Restore(1, M, 0), new Action.Adjoint(0))));
        assertTrue(e.getMessage().contains("action #3 Restore[step=1, tier=MEMORY, slot=0]: slot holds step 0"),
                e.getMessage());
    }

    @Test
    void rejectsAnAdjointWhoseInputIsNotLive() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScheduleSummary.of(listed(2, 1,
                new Action.Store(0, M, 0), new Action.Advance(0, 1), new Action.Turn(1), new Action.Adjoint(0))));
        assertTrue(e.getMessage().contains("expected the adjoint of step 0 with it live (live: 1)"), e.getMessage());
    }

    @Test
    void rejectsAnAdjointBeforeTheTurn() {
        assertThrows(IllegalStateException.class, () -> ScheduleSummary.of(listed(1, 0, new Action.Adjoint(0))));
    }

    @Test
    void rejectsASlotBeyondTheDeclaredOnes() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScheduleSummary.of(listed(2, 1,
                new Action.Store(0, M, 1))));
        assertTrue(e.getMessage().contains("declares 1 slots of MEMORY"), e.getMessage());
    }

    @Test
    void rejectsASchedulethatStopsEarlyOrLeaksSnapshots() {
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> ScheduleSummary.of(listed(2, 1,
                new Action.Advance(0, 1), new Action.Turn(1))));
        assertTrue(early.getMessage().contains("steps 0..0 not reversed"), early.getMessage());
        IllegalStateException leak = assertThrows(IllegalStateException.class, () -> ScheduleSummary.of(listed(1, 1,
                new Action.Store(0, M, 0), new Action.Turn(0))));
        assertTrue(leak.getMessage().contains("1 snapshots still held"), leak.getMessage());
    }

    @Test
    void countsDiskWritesAndReadsAndPricesThem() {
        ScheduleSummary s = ScheduleSummary.of(listed(3, 1, 1,
                new Action.Store(0, D, 0), new Action.Advance(0, 1), new Action.Store(1, M, 0), new Action.Advance(1, 2),
                new Action.Turn(2), new Action.Restore(1, M, 0), new Action.Adjoint(1), new Action.Discard(1, M, 0),
                new Action.Restore(0, D, 0), new Action.Adjoint(0), new Action.Discard(0, D, 0)));
        assertEquals(3, s.forwardEvaluations());
        assertEquals(1, s.diskWrites());
        assertEquals(1, s.diskReads());
        assertEquals(new TierUsage(1, 1, 1), s.usage(M));
        assertEquals(3 + 2 * 1 + 0.5 * 1, s.cost(2, 0.5), 0);
        assertEquals(2, s.peakSnapshots());
    }

    @Test
    void rejectsCostsThatAreNegativeOrNotFinite() {
        ScheduleSummary s = ScheduleSummary.of(listed(1, 0, new Action.Turn(0)));
        assertEquals("writeCost must be finite and >= 0, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> s.cost(-1, 0)).getMessage());
        assertEquals("readCost must be finite and >= 0, was Infinity",
                assertThrows(IllegalArgumentException.class, () -> s.cost(0, Double.POSITIVE_INFINITY)).getMessage());
    }

    @Test
    void replaysAnOnlineRunWhoseTurnCallsNoForwardStep() {
        // The forward phase heads for step 10; the run ends at step 3.
        OnlineSchedule schedule = listedOnline(1,
                List.of(new Action.Store(0, M, 0), new Action.Advance(0, 10)),
                List.of(new Action.Turn(2), new Action.Restore(0, M, 0), new Action.Advance(0, 1), new Action.Adjoint(1),
                        new Action.Restore(0, M, 0), new Action.Adjoint(0), new Action.Discard(0, M, 0)));
        ScheduleSummary s = ScheduleSummary.ofOnline(schedule, 3);
        assertEquals(3 + 1, s.forwardEvaluations());
        assertEquals(3, s.adjointSteps());
        assertEquals(new TierUsage(1, 2, 1), s.usage(M));
    }

    @Test
    void rejectsAReverseActionBeforeTheOnlineRunEnds() {
        OnlineSchedule schedule = listedOnline(1,
                List.of(new Action.Store(0, M, 0), new Action.Advance(0, 2), new Action.Restore(0, M, 0)), List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScheduleSummary.ofOnline(schedule, 5));
        assertTrue(e.getMessage().contains("action #2 Restore[step=0, tier=MEMORY, slot=0]: only stores, discards and "
                + "advances may come before the run ends at step 5"), e.getMessage());
    }

    @Test
    void rejectsAnOnlineTurnWithoutTheFinalStateLive() {
        OnlineSchedule schedule = listedOnline(1,
                List.of(new Action.Store(0, M, 0), new Action.Advance(0, 3)),
                List.of(new Action.Restore(0, M, 0), new Action.Turn(2)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ScheduleSummary.ofOnline(schedule, 3));
        assertTrue(e.getMessage().contains("with the final state u_3 live (live: 0)"), e.getMessage());
    }

    @Test
    void rejectsAnOnlineScheduleThatStopsOrStallsBeforeTheRunEnds() {
        OnlineSchedule stops = listedOnline(1, List.of(new Action.Store(0, M, 0), new Action.Advance(0, 2)), List.of());
        assertTrue(assertThrows(IllegalStateException.class, () -> ScheduleSummary.ofOnline(stops, 5)).getMessage()
                .contains("stopped after 2 actions, before the run reached its final step 5"));
        List<Action> churn = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            churn.add(new Action.Store(0, M, 0));
            churn.add(new Action.Discard(0, M, 0));
        }
        OnlineSchedule stalls = listedOnline(1, churn, List.of());
        assertTrue(assertThrows(IllegalStateException.class, () -> ScheduleSummary.ofOnline(stalls, 5)).getMessage()
                .contains("yielded 5 actions without advancing"));
        assertEquals("steps must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> ScheduleSummary.ofOnline(stalls, 0)).getMessage());
    }
}
