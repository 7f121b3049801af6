package org.adjoint4j.checkpoint;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a schedule will make a driver do, found by replaying its actions against an abstract driver
 * that tracks only step numbers. The replay also checks that the schedule is consistent; see
 * {@link #of(Schedule)}.
 *
 * @param steps              number of steps {@code l}
 * @param forwardEvaluations calls of the forward step: the steps of every {@link Action.Advance}
 *                           plus one per {@link Action.Turn}
 * @param adjointSteps       adjoint steps run (equal to {@code steps} for a complete schedule)
 * @param actions            number of actions
 * @param tiers              use of each tier (absent tiers are unused)
 * @param peakSnapshots      most snapshots held at one time, all tiers together
 */
public record ScheduleSummary(int steps, long forwardEvaluations, long adjointSteps, long actions,
                              Map<Tier, TierUsage> tiers, int peakSnapshots) {

    public ScheduleSummary {
        tiers = Map.copyOf(tiers);
    }

    /** Forward evaluations per step: 1 when every state is computed once. */
    public double recomputeFactor() {
        return (double) forwardEvaluations / steps;
    }

    /** Use of {@code tier}, {@link TierUsage#NONE} if the schedule never touches it. */
    public TierUsage usage(Tier tier) {
        return tiers.getOrDefault(tier, TierUsage.NONE);
    }

    /**
     * Replays {@code schedule} and summarises it.
     *
     * @throws IllegalStateException naming the action (by index and value) if the schedule is
     *         inconsistent: an advance that does not start from the live step, a store of a step that
     *         is not live, a restore or discard of a slot that does not hold the named step, a slot
     *         beyond {@link Schedule#slots(Tier)}, a store into an occupied slot, an adjoint step
     *         whose input is not live or that is out of order, a turn that is not first, or a
     *         schedule that ends with steps unreversed or snapshots still held
     */
    public static ScheduleSummary of(Schedule schedule) {
        int l = schedule.steps();
        Tier[] tiers = Tier.values();
        int[][] held = new int[tiers.length][];
        int[] occupied = new int[tiers.length];
        long[] stores = new long[tiers.length];
        long[] restores = new long[tiers.length];
        int[] peak = new int[tiers.length];
        for (Tier t : tiers) {
            held[t.ordinal()] = new int[schedule.slots(t)];
            Arrays.fill(held[t.ordinal()], -1);
        }
        int live = 0;
        int nextAdjoint = l - 1;
        long forward = 0;
        long adjoints = 0;
        long index = 0;
        int total = 0;
        int peakTotal = 0;
        ActionCursor c = schedule.cursor();
        while (c.next()) {
            switch (c.kind()) {
                case ADVANCE:
                    require(c.step() == live && c.to() > c.step() && c.to() < l, index, c,
                            "advance must start at the live step " + live + " and stay below step " + l);
                    forward += c.to() - c.step();
                    live = c.to();
                    break;
                case STORE: {
                    int[] h = slots(held, c, index);
                    require(c.step() == live, index, c, "the live step is " + live);
                    require(h[c.slot()] < 0, index, c, "slot already holds step " + h[c.slot()]);
                    h[c.slot()] = c.step();
                    int t = c.tier().ordinal();
                    stores[t]++;
                    occupied[t]++;
                    peak[t] = Math.max(peak[t], occupied[t]);
                    peakTotal = Math.max(peakTotal, ++total);
                    break;
                }
                case RESTORE: {
                    int[] h = slots(held, c, index);
                    require(h[c.slot()] == c.step(), index, c, "slot holds step " + h[c.slot()]);
                    restores[c.tier().ordinal()]++;
                    live = c.step();
                    break;
                }
                case DISCARD: {
                    int[] h = slots(held, c, index);
                    require(h[c.slot()] == c.step(), index, c, "slot holds step " + h[c.slot()]);
                    h[c.slot()] = -1;
                    occupied[c.tier().ordinal()]--;
                    total--;
                    break;
                }
                case TURN:
                    require(adjoints == 0 && c.step() == l - 1 && live == l - 1, index, c,
                            "the turn must come first, at step " + (l - 1) + " with it live (live: " + live + ")");
                    forward++;
                    adjoints++;
                    nextAdjoint--;
                    break;
                case ADJOINT:
                    require(adjoints > 0, index, c, "the first adjoint step must be a turn");
                    require(c.step() == nextAdjoint && live == c.step(), index, c,
                            "expected the adjoint of step " + nextAdjoint + " with it live (live: " + live + ")");
                    adjoints++;
                    nextAdjoint--;
                    break;
                default:
                    throw new AssertionError(c.kind());
            }
            index++;
        }
        if (nextAdjoint != -1) {
            throw new IllegalStateException("schedule ended after " + index + " actions with steps 0.."
                    + nextAdjoint + " not reversed");
        }
        if (total != 0) {
            throw new IllegalStateException("schedule ended with " + total + " snapshots still held");
        }
        Map<Tier, TierUsage> usage = new EnumMap<>(Tier.class);
        for (Tier t : tiers) {
            int i = t.ordinal();
            if (stores[i] > 0) {
                usage.put(t, new TierUsage(stores[i], restores[i], peak[i]));
            }
        }
        return new ScheduleSummary(l, forward, adjoints, index, usage, peakTotal);
    }

    private static int[] slots(int[][] held, ActionCursor c, long index) {
        int[] h = held[c.tier().ordinal()];
        require(c.slot() >= 0 && c.slot() < h.length, index, c,
                "the schedule declares " + h.length + " slots of " + c.tier());
        return h;
    }

    private static void require(boolean ok, long index, ActionCursor c, String why) {
        if (!ok) {
            throw new IllegalStateException("inconsistent schedule at action #" + index + " " + c.action() + ": " + why);
        }
    }
}
