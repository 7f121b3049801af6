package org.adjoint4j.adjoint;

import java.util.Map;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.TierUsage;

/**
 * What one gradient computation did and where its time went (this rank).
 *
 * @param steps              number of time steps {@code l}
 * @param forwardEvaluations calls of the step's {@code forward}, recomputations included
 * @param adjointSteps       calls of the step's {@code adjoint}
 * @param tiers              stores, restores and peak occupied slots per storage tier used
 * @param peakBytes          most bytes held in snapshots at one time, per storage tier used
 * @param peakSnapshots      most snapshots held at one time, all tiers together
 * @param forwardNanos       wall time inside {@code forward}
 * @param adjointNanos       wall time inside {@code adjoint}
 * @param storageNanos       wall time storing, restoring and discarding snapshots
 * @param objectiveNanos     wall time evaluating objective terms and their gradients
 * @param totalNanos         wall time of the whole gradient computation
 */
public record SweepStatistics(int steps, long forwardEvaluations, long adjointSteps,
                              Map<Tier, TierUsage> tiers, Map<Tier, Long> peakBytes, int peakSnapshots,
                              long forwardNanos, long adjointNanos, long storageNanos, long objectiveNanos,
                              long totalNanos) {

    /**
     * Copies the maps, so that the record is immutable.
     *
     * @param steps              number of time steps {@code l}
     * @param forwardEvaluations calls of the step's {@code forward}, recomputations included
     * @param adjointSteps       calls of the step's {@code adjoint}
     * @param tiers              stores, restores and peak occupied slots per storage tier used (copied)
     * @param peakBytes          most bytes held in snapshots at one time, per storage tier used (copied)
     * @param peakSnapshots      most snapshots held at one time, all tiers together
     * @param forwardNanos       wall time inside {@code forward}, in nanoseconds
     * @param adjointNanos       wall time inside {@code adjoint}, in nanoseconds
     * @param storageNanos       wall time storing, restoring and discarding snapshots, in nanoseconds
     * @param objectiveNanos     wall time evaluating objective terms and their gradients, in nanoseconds
     * @param totalNanos         wall time of the whole gradient computation, in nanoseconds
     * @throws NullPointerException if a map, or a key or value in it, is null
     */
    public SweepStatistics {
        tiers = Map.copyOf(tiers);
        peakBytes = Map.copyOf(peakBytes);
    }

    /**
     * Forward evaluations per step; 1 when no state is recomputed.
     *
     * @return {@code forwardEvaluations / steps}, at least 1 for a complete gradient
     */
    public double recomputeFactor() {
        return (double) forwardEvaluations / steps;
    }

    /**
     * Use of {@code tier}; {@link TierUsage#NONE} if unused.
     *
     * @param tier the storage tier
     * @return its stores, restores and peak occupied slots
     */
    public TierUsage usage(Tier tier) {
        return tiers.getOrDefault(tier, TierUsage.NONE);
    }

    /**
     * Most bytes held in {@code tier} at one time.
     *
     * @param tier the storage tier
     * @return the peak snapshot bytes on this rank; 0 if the tier was not used
     */
    public long peakBytes(Tier tier) {
        return peakBytes.getOrDefault(tier, 0L);
    }

    /**
     * Wall time outside the step functions, the storage and the objective: the driver's own cost.
     *
     * @return {@code totalNanos} less the forward, adjoint, storage and objective times, in nanoseconds
     */
    public long overheadNanos() {
        return totalNanos - forwardNanos - adjointNanos - storageNanos - objectiveNanos;
    }
}
