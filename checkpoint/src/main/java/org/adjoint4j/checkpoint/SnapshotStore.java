package org.adjoint4j.checkpoint;

/**
 * One storage tier: a fixed number of slots, each holding the snapshot of one step.
 *
 * <p>A store holds one rank's snapshots. Slot contents are tracked: restoring or discarding a slot
 * that does not hold the named step is an error, never a silent wrong state.
 */
public interface SnapshotStore extends AutoCloseable {

    /**
     * The tier this store implements.
     *
     * @return the tier whose actions this store carries out
     */
    Tier tier();

    /**
     * The layout of every snapshot.
     *
     * @return the fields every stored and restored state must have
     */
    SnapshotLayout layout();

    /**
     * Number of slots.
     *
     * @return the number of slots; valid slots are {@code 0 .. capacity()-1}
     */
    int capacity();

    /**
     * Copies the owned values of {@code source}, which is u<sub>step</sub>, into {@code slot}.
     *
     * @param slot   the slot to fill, {@code 0 <= slot < capacity()}; must be free
     * @param step   the step of the state, at least 0; recorded so that restores can be checked
     * @param source not modified
     * @throws IllegalStateException if the slot already holds a snapshot
     */
    void store(int slot, int step, Snapshottable source);

    /**
     * Copies the snapshot in {@code slot} into {@code target}. The slot keeps holding it.
     *
     * @param slot   the slot to read, {@code 0 <= slot < capacity()}
     * @param step   the step the slot must hold
     * @param target modified: its owned values become u<sub>step</sub>
     * @throws IllegalStateException if the slot does not hold step {@code step}
     */
    void restore(int slot, int step, Snapshottable target);

    /**
     * Frees {@code slot}.
     *
     * @param slot the slot to free, {@code 0 <= slot < capacity()}
     * @param step the step the slot must hold
     * @throws IllegalStateException if the slot does not hold step {@code step}
     */
    void discard(int slot, int step);

    /**
     * The step held by {@code slot}, or -1 if it is free.
     *
     * @param slot the slot asked about, {@code 0 <= slot < capacity()}
     * @return the step stored in the slot, or -1
     */
    int heldStep(int slot);

    /**
     * A hint that {@code slot}, holding step {@code step}, will be restored soon: a store that can
     * read ahead starts reading it. Never required for correctness.
     *
     * @param slot the slot that will be restored
     * @param step the step the slot holds
     * @return true if a read-ahead was started
     */
    default boolean prefetch(int slot, int step) {
        return false;
    }

    /** Returns once every snapshot stored so far is durable (a no-op for stores without durability). */
    default void flush() {
    }

    /** Frees every slot and releases resources. */
    @Override
    void close();
}
