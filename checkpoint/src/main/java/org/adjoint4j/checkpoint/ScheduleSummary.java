package org.adjoint4j.checkpoint;

import java.util.Map;

/**
 * What a schedule will make a driver do, found by replaying its actions against an abstract driver
 * that tracks only step numbers. The replay also checks that the schedule is consistent; see
 * {@link #of(Schedule)} and {@link #ofOnline(OnlineSchedule, int)}.
 *
 * @param steps              number of steps {@code l}
 * @param forwardEvaluations calls of the forward step: the steps of every {@link Action.Advance}
 *                           plus one per {@link Action.Turn} of an offline schedule (an online turn
 *                           calls none)
 * @param adjointSteps       adjoint steps run (equal to {@code steps} for a complete schedule)
 * @param actions            number of actions
 * @param tiers              use of each tier (absent tiers are unused)
 * @param peakSnapshots      most snapshots held at one time, all tiers together
 */
public record ScheduleSummary(int steps, long forwardEvaluations, long adjointSteps, long actions,
                              Map<Tier, TierUsage> tiers, int peakSnapshots) {

    /**
     * Makes a summary; {@code tiers} is copied.
     *
     * @param steps              number of steps {@code l}
     * @param forwardEvaluations calls of the forward step, turns included
     * @param adjointSteps       adjoint steps run
     * @param actions            number of actions
     * @param tiers              use of each tier, not {@code null} and without {@code null} keys or
     *                           values; copied, so later changes to the map are not seen
     * @param peakSnapshots      most snapshots held at one time, all tiers together
     * @throws NullPointerException if {@code tiers}, one of its keys or one of its values is
     *         {@code null}
     */
    public ScheduleSummary {
        tiers = Map.copyOf(tiers);
    }

    /**
     * Forward evaluations per step: 1 when every state is computed once.
     *
     * @return {@code forwardEvaluations / steps}; at least 1 for an offline schedule, whose turn
     *         adds one evaluation
     */
    public double recomputeFactor() {
        return (double) forwardEvaluations / steps;
    }

    /**
     * Use of {@code tier}, {@link TierUsage#NONE} if the schedule never touches it.
     *
     * @param tier the tier asked about
     * @return its stores, restores and peak slots, never {@code null}
     */
    public TierUsage usage(Tier tier) {
        return tiers.getOrDefault(tier, TierUsage.NONE);
    }

    /**
     * Snapshots written to {@link Tier#DISK}.
     *
     * @return the number of disk stores, at least 0
     */
    public long diskWrites() {
        return usage(Tier.DISK).stores();
    }

    /**
     * Snapshots read back from {@link Tier#DISK}.
     *
     * @return the number of disk restores, at least 0
     */
    public long diskReads() {
        return usage(Tier.DISK).restores();
    }

    /**
     * The cost of the run in units of one forward step when a disk write costs {@code writeCost} and
     * a disk read {@code readCost} forward steps and memory copies are free:
     * {@code forwardEvaluations + writeCost·diskWrites + readCost·diskReads}. This is the cost that
     * {@link org.adjoint4j.checkpoint.schedule.MultiLevelSchedule} minimises.
     *
     * @param writeCost cost of writing one snapshot to disk, in forward steps: finite, at least 0
     * @param readCost  cost of reading one snapshot from disk, in forward steps: finite, at least 0
     * @return the cost in forward steps
     * @throws IllegalArgumentException naming the parameter if a cost is negative or not finite
     */
    public double cost(double writeCost, double readCost) {
        requireCost("writeCost", writeCost);
        requireCost("readCost", readCost);
        return forwardEvaluations + writeCost * diskWrites() + readCost * diskReads();
    }

    private static void requireCost(String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
    }

    /**
     * Replays {@code schedule} and summarises it.
     *
     * @param schedule the schedule to replay from a fresh cursor
     * @return what the schedule makes a driver do
     * @throws IllegalStateException naming the action (by index and value) if the schedule is
     *         inconsistent: an advance that does not start from the live step, a store of a step that
     *         is not live, a restore or discard of a slot that does not hold the named step, a slot
     *         beyond {@link Schedule#slots(Tier)}, a store into an occupied slot, an adjoint step
     *         whose input is not live or that is out of order, a turn that is not first, or a
     *         schedule that ends with steps unreversed or snapshots still held
     */
    public static ScheduleSummary of(Schedule schedule) {
        ActionReplay replay = new ActionReplay(schedule.steps(), false,
                schedule.slots(Tier.MEMORY), schedule.slots(Tier.DISK));
        ActionCursor c = schedule.cursor();
        while (c.next()) {
            replay.apply(c);
        }
        return replay.summary();
    }

    /**
     * Replays a run of {@code steps} steps under the online protocol (see {@link OnlineSchedule}):
     * the forward phase until an advance reaches step {@code steps}, then
     * {@link OnlineCursor#end(int) end(steps)}, then the reverse phase, whose turn calls no forward
     * step.
     *
     * @param schedule the online schedule to replay from a fresh cursor
     * @param steps    the run length {@code l} at which the model declares the state final, at least 1
     * @return what the schedule makes a driver do for a run of {@code steps} steps
     * @throws IllegalArgumentException if {@code steps < 1}
     * @throws IllegalStateException naming the action if the schedule is inconsistent (as for
     *         {@link #of(Schedule)}), if it yields a restore, turn or adjoint step before the run
     *         ended, if its cursor stops during the forward phase, or if it stores and discards
     *         without ever advancing
     */
    public static ScheduleSummary ofOnline(OnlineSchedule schedule, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        int memorySlots = schedule.slots(Tier.MEMORY);
        int diskSlots = schedule.slots(Tier.DISK);
        ActionReplay replay = new ActionReplay(steps, true, memorySlots, diskSlots);
        // Between two advances a consistent schedule at most frees and refills every slot once.
        long stallLimit = 2L * (memorySlots + diskSlots) + 2;
        OnlineCursor c = schedule.cursor();
        long sinceAdvance = 0;
        boolean reached = false;
        while (!reached) {
            if (!c.next()) {
                throw new IllegalStateException("the online schedule stopped after " + replay.actions()
                        + " actions, before the run reached its final step " + steps);
            }
            sinceAdvance = c.kind() == ActionKind.ADVANCE ? 0 : sinceAdvance + 1;
            if (sinceAdvance > stallLimit) {
                throw new IllegalStateException("the online schedule yielded " + sinceAdvance
                        + " actions without advancing, at action #" + replay.actions());
            }
            reached = replay.applyForward(c);
        }
        c.end(steps);
        replay.end();
        while (c.next()) {
            replay.apply(c);
        }
        return replay.summary();
    }
}
