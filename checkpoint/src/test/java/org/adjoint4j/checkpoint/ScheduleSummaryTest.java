package org.adjoint4j.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleSummaryTest {

    /** A schedule that replays a fixed list of actions. */
    static Schedule listed(int steps, int memorySlots, Action... actions) {
        return new Schedule() {
            @Override
            public int steps() {
                return steps;
            }

            @Override
            public int slots(Tier tier) {
                return tier == Tier.MEMORY ? memorySlots : 0;
            }

            @Override
            public ActionCursor cursor() {
                Iterator<Action> it = List.of(actions).iterator();
                return new ActionCursor() {
                    private Action current;

                    @Override
                    public boolean next() {
                        current = it.hasNext() ? it.next() : null;
                        return current != null;
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
                };
            }
        };
    }

    private static final Tier M = Tier.MEMORY;

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
}
