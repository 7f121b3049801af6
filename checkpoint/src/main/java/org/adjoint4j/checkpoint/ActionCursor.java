package org.adjoint4j.checkpoint;

/**
 * A walk over the actions of a schedule that allocates nothing per action: the cursor holds the
 * current action in its fields. Obtained from {@link Schedule#cursor()}; not thread-safe.
 *
 * <pre>
 * ActionCursor c = schedule.cursor();
 * while (c.next()) {
 *     switch (c.kind()) {
 *         case ADVANCE: ... c.step() ... c.to() ...; break;
 *         case STORE:   ... c.step(), c.tier(), c.slot() ...; break;
 *         ...
 *     }
 * }
 * </pre>
 */
public interface ActionCursor {

    /**
     * Moves to the next action.
     *
     * @return {@code true} if there is a current action to read, {@code false} when the schedule is
     *         complete (the accessors are then undefined)
     */
    boolean next();

    /**
     * Kind of the current action.
     *
     * @return the kind, which tells which of the other accessors are meaningful
     */
    ActionKind kind();

    /**
     * The step of the current action; for {@link ActionKind#ADVANCE}, the step advanced from.
     *
     * @return the step, at least 0
     */
    int step();

    /**
     * For {@link ActionKind#ADVANCE}, the step advanced to; otherwise equal to {@link #step()}.
     *
     * @return the step the live state has after an advance, greater than {@link #step()} for an
     *         advance
     */
    int to();

    /**
     * The tier of a store, restore or discard; {@code null} for other kinds.
     *
     * @return the tier, or {@code null}
     */
    Tier tier();

    /**
     * The slot of a store, restore or discard; {@code -1} for other kinds.
     *
     * @return the slot index in {@link #tier()}, or {@code -1}
     */
    int slot();

    /**
     * The current action as a value (allocates).
     *
     * @return a new {@link Action} record equal to the current action
     */
    default Action action() {
        switch (kind()) {
            case ADVANCE: return new Action.Advance(step(), to());
            case STORE: return new Action.Store(step(), tier(), slot());
            case RESTORE: return new Action.Restore(step(), tier(), slot());
            case DISCARD: return new Action.Discard(step(), tier(), slot());
            case TURN: return new Action.Turn(step());
            case ADJOINT: return new Action.Adjoint(step());
            default: throw new AssertionError(kind());
        }
    }
}
