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

    /** Moves to the next action; returns {@code false} when the schedule is complete. */
    boolean next();

    /** Kind of the current action. */
    ActionKind kind();

    /** The step of the current action; for {@link ActionKind#ADVANCE}, the step advanced from. */
    int step();

    /** For {@link ActionKind#ADVANCE}, the step advanced to; otherwise equal to {@link #step()}. */
    int to();

    /** The tier of a store, restore or discard; {@code null} for other kinds. */
    Tier tier();

    /** The slot of a store, restore or discard; {@code -1} for other kinds. */
    int slot();

    /** The current action as a value (allocates). */
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
