package org.adjoint4j.checkpoint;

/**
 * How a schedule or a run used one storage tier.
 *
 * @param stores     number of snapshots written to the tier
 * @param restores   number of snapshots read back from the tier
 * @param peakSlots  most slots of the tier occupied at one time
 */
public record TierUsage(long stores, long restores, int peakSlots) {

    /** No use at all. */
    public static final TierUsage NONE = new TierUsage(0, 0, 0);
}
