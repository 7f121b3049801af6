package org.adjoint4j.checkpoint;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * An abstract driver that tracks only step numbers: it applies the actions of a schedule one by one,
 * checks each against the state it has reached, and counts what a real driver would do. Behind
 * {@link ScheduleSummary#of(Schedule)} and {@link ScheduleSummary#ofOnline(OnlineSchedule, int)}.
 */
final class ActionReplay {

    private static final Tier[] TIERS = Tier.values();

    private final int steps;
    private final boolean online;
    private final int[][] held;
    private final int[] occupied;
    private final long[] stores;
    private final long[] restores;
    private final int[] peak;
    private int live;
    private int nextAdjoint;
    private long forward;
    private long adjoints;
    private long index;
    private int total;
    private int peakTotal;
    private boolean ended;

    /**
     * A replay of a run of {@code steps} steps with the given slots per tier. An online replay
     * starts in the forward phase and needs {@link #end()} before the reverse phase.
     */
    ActionReplay(int steps, boolean online, int memorySlots, int diskSlots) {
        this.steps = steps;
        this.online = online;
        this.held = new int[TIERS.length][];
        this.held[Tier.MEMORY.ordinal()] = new int[memorySlots];
        this.held[Tier.DISK.ordinal()] = new int[diskSlots];
        for (int[] h : held) {
            Arrays.fill(h, -1);
        }
        this.occupied = new int[TIERS.length];
        this.stores = new long[TIERS.length];
        this.restores = new long[TIERS.length];
        this.peak = new int[TIERS.length];
        this.nextAdjoint = steps - 1;
        this.ended = !online;
    }

    /** Number of actions applied so far. */
    long actions() {
        return index;
    }

    /**
     * Applies one action of an online forward phase: only stores, discards and advances are
     * allowed, and an advance that passes step {@code steps} stops there.
     *
     * @return whether the run has reached its final step {@code steps}
     */
    boolean applyForward(ActionCursor c) {
        switch (c.kind()) {
            case STORE:
            case DISCARD:
                apply(c);
                return false;
            case ADVANCE: {
                require(c.step() == live, c, "advance must start at the live step " + live);
                int reached = Math.min(c.to(), steps);
                forward += reached - live;
                live = reached;
                index++;
                return reached == steps;
            }
            default:
                throw inconsistent(c,
                        "only stores, discards and advances may come before the run ends at step " + steps);
        }
    }

    /** The online run ended at step {@code steps}: u<sub>steps</sub> is live. */
    void end() {
        ended = true;
    }

    /** Applies one action of an offline schedule or of an online reverse phase. */
    void apply(ActionCursor c) {
        switch (c.kind()) {
            case ADVANCE:
                require(c.step() == live && c.to() < steps, c,
                        "advance must start at the live step " + live + " and stay below step " + steps);
                forward += c.to() - c.step();
                live = c.to();
                break;
            case STORE: {
                int[] h = slots(c);
                require(c.step() == live, c, "the live step is " + live);
                require(h[c.slot()] < 0, c, "slot already holds step " + h[c.slot()]);
                h[c.slot()] = c.step();
                int t = c.tier().ordinal();
                stores[t]++;
                occupied[t]++;
                peak[t] = Math.max(peak[t], occupied[t]);
                peakTotal = Math.max(peakTotal, ++total);
                break;
            }
            case RESTORE: {
                int[] h = slots(c);
                require(h[c.slot()] == c.step(), c, "slot holds step " + h[c.slot()]);
                restores[c.tier().ordinal()]++;
                live = c.step();
                break;
            }
            case DISCARD: {
                int[] h = slots(c);
                require(h[c.slot()] == c.step(), c, "slot holds step " + h[c.slot()]);
                h[c.slot()] = -1;
                occupied[c.tier().ordinal()]--;
                total--;
                break;
            }
            case TURN:
                turn(c);
                break;
            case ADJOINT:
                require(adjoints > 0, c, "the first adjoint step must be a turn");
                require(c.step() == nextAdjoint && live == c.step(), c,
                        "expected the adjoint of step " + nextAdjoint + " with it live (live: " + live + ")");
                adjoints++;
                nextAdjoint--;
                break;
            default:
                throw new AssertionError(c.kind());
        }
        index++;
    }

    private void turn(ActionCursor c) {
        if (online) {
            // The forward phase already computed u_l and kept u_{l-1}: the turn calls no forward step.
            require(adjoints == 0 && c.step() == steps - 1 && live == steps, c, "the turn must come first, at step "
                    + (steps - 1) + " with the final state u_" + steps + " live (live: " + live + ")");
        } else {
            require(adjoints == 0 && c.step() == steps - 1 && live == steps - 1, c,
                    "the turn must come first, at step " + (steps - 1) + " with it live (live: " + live + ")");
            forward++;
        }
        live = steps - 1;
        adjoints++;
        nextAdjoint--;
    }

    /**
     * The summary of a complete replay.
     *
     * @throws IllegalStateException if steps are left unreversed or snapshots are still held
     */
    ScheduleSummary summary() {
        if (!ended) {
            throw new IllegalStateException("the run never reached its final step " + steps);
        }
        if (nextAdjoint != -1) {
            throw new IllegalStateException("schedule ended after " + index + " actions with steps 0.."
                    + nextAdjoint + " not reversed");
        }
        if (total != 0) {
            throw new IllegalStateException("schedule ended with " + total + " snapshots still held");
        }
        Map<Tier, TierUsage> usage = new EnumMap<>(Tier.class);
        for (Tier t : TIERS) {
            int i = t.ordinal();
            if (stores[i] > 0) {
                usage.put(t, new TierUsage(stores[i], restores[i], peak[i]));
            }
        }
        return new ScheduleSummary(steps, forward, adjoints, index, usage, peakTotal);
    }

    private int[] slots(ActionCursor c) {
        int[] h = held[c.tier().ordinal()];
        require(c.slot() >= 0 && c.slot() < h.length, c,
                "the schedule declares " + h.length + " slots of " + c.tier());
        return h;
    }

    private void require(boolean ok, ActionCursor c, String why) {
        if (!ok) {
            throw inconsistent(c, why);
        }
    }

    private IllegalStateException inconsistent(ActionCursor c, String why) {
        return new IllegalStateException("inconsistent schedule at action #" + index + " " + c.action() + ": " + why);
    }
}
