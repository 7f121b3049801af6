package org.adjoint4j.adjoint;

import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.ActionKind;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.SnapshotStore;
import org.adjoint4j.checkpoint.Tier;

/**
 * Reads disk snapshots ahead of their restore: a second walk of the schedule runs up to
 * {@link #WINDOW} actions ahead of the driver, and the next disk restore it meets is passed to
 * {@link SnapshotStore#prefetch} as soon as the slot holds that step. One read-ahead at a time: the
 * store's few buffers are also needed by the writes in between. Schedules are pure, so the second
 * walk sees exactly the actions the driver will execute. Allocates nothing per action.
 */
final class DiskReadAhead {

    /** How many actions ahead of the driver the second walk looks. */
    static final int WINDOW = 64;
    private static final int PENDING = 16;

    private final Schedule schedule;
    private final SnapshotStore disk;
    private final int[] pendingSlot = new int[PENDING];
    private final int[] pendingStep = new int[PENDING];
    private final long[] pendingAction = new long[PENDING];
    private int pending;
    private ActionCursor ahead;
    private long aheadActions;
    private boolean exhausted;
    private long issuedAction = -1;

    DiskReadAhead(Schedule schedule, SnapshotStore disk) {
        this.schedule = schedule;
        this.disk = disk;
    }

    /** Starts a new walk of the schedule. */
    void reset() {
        ahead = schedule.cursor();
        aheadActions = 0;
        exhausted = false;
        pending = 0;
        issuedAction = -1;
    }

    /**
     * Called before the driver executes its action number {@code next} (0-based): looks further ahead
     * and starts the read-aheads that can start now.
     */
    void before(long next) {
        while (!exhausted && aheadActions < next + WINDOW && pending < PENDING) {
            if (!ahead.next()) {
                exhausted = true;
                break;
            }
            if (aheadActions >= next && ahead.kind() == ActionKind.RESTORE && ahead.tier() == Tier.DISK) {
                pendingSlot[pending] = ahead.slot();
                pendingStep[pending] = ahead.step();
                pendingAction[pending] = aheadActions;
                pending++;
            }
            aheadActions++;
        }
        int kept = 0;
        for (int i = 0; i < pending; i++) {
            if (pendingAction[i] >= next) { // its restore is still to come
                pendingSlot[kept] = pendingSlot[i];
                pendingStep[kept] = pendingStep[i];
                pendingAction[kept] = pendingAction[i];
                kept++;
            }
        }
        pending = kept;
        if (pending > 0 && issuedAction != pendingAction[0] && disk.heldStep(pendingSlot[0]) == pendingStep[0]
                && disk.prefetch(pendingSlot[0], pendingStep[0])) {
            issuedAction = pendingAction[0];
        }
    }
}
