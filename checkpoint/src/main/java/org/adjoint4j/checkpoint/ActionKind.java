package org.adjoint4j.checkpoint;

/** The kinds of {@link Action}, for allocation-free dispatch on an {@link ActionCursor}. */
public enum ActionKind {
    /** See {@link Action.Advance}. */
    ADVANCE,
    /** See {@link Action.Store}. */
    STORE,
    /** See {@link Action.Restore}. */
    RESTORE,
    /** See {@link Action.Discard}. */
    DISCARD,
    /** See {@link Action.Turn}. */
    TURN,
    /** See {@link Action.Adjoint}. */
    ADJOINT
}
