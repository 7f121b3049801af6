package org.adjoint4j.checkpoint.schedule;

/**
 * The checkpoint placement of Wang, Moin &amp; Iaccarino's dynamic checkpointing (SIAM J. Sci.
 * Comput. 31(4), 2009), on step numbers only. Every new state becomes a checkpoint of level 0; when
 * all positions are taken, the most recent <em>dispensable</em> checkpoint (one with a later
 * checkpoint of higher level) makes room, and if there is none the most recent checkpoint is
 * replaced by the new state, one level higher. Position 0 holds u<sub>0</sub> for good. O(positions)
 * per step, no allocation.
 */
final class LevelPlacement {

    private static final int PERMANENT = Integer.MAX_VALUE;

    private final int[] step;
    private final int[] level;
    private int count;

    /** A placement of {@code positions >= 2} checkpoints holding u<sub>0</sub> only. */
    LevelPlacement(int positions) {
        this.step = new int[positions];
        this.level = new int[positions];
        step[0] = 0;
        level[0] = PERMANENT;
        count = 1;
    }

    /**
     * Makes {@code next}, which must follow every checkpoint, a checkpoint.
     *
     * @return the step that lost its place, or {@code -1} if a position was free
     */
    int add(int next) {
        if (count < step.length) {
            step[count] = next;
            level[count] = 0;
            count++;
            return -1;
        }
        int higherLater = 0;
        for (int i = count - 1; i > 0; i--) {
            if (level[i] < higherLater) {
                int evicted = step[i];
                System.arraycopy(step, i + 1, step, i, count - 1 - i);
                System.arraycopy(level, i + 1, level, i, count - 1 - i);
                step[count - 1] = next;
                level[count - 1] = 0;
                return evicted;
            }
            higherLater = Math.max(higherLater, level[i]);
        }
        int evicted = step[count - 1];
        step[count - 1] = next;
        level[count - 1]++;
        return evicted;
    }
}
