package org.adjoint4j.checkpoint;

import java.util.Objects;

/**
 * One instruction of a checkpointing schedule, to be carried out by a driver that holds one
 * <em>live</em> forward state u<sub>n</sub> and the adjoint state λ.
 *
 * <p>Conventions: the run has {@code l} steps; step {@code n} maps u<sub>n</sub> to
 * u<sub>n+1</sub>; the adjoint of step {@code n} receives u<sub>n</sub> (its input) and maps
 * λ<sub>n+1</sub> to λ<sub>n</sub>. The live state starts as u<sub>0</sub>. A schedule's actions
 * always reverse steps {@code l-1, l-2, ..., 0} in that order, each exactly once, the first one by
 * {@link Turn} and the others by {@link Adjoint}.
 */
public sealed interface Action
        permits Action.Advance, Action.Store, Action.Restore, Action.Discard, Action.Turn, Action.Adjoint {

    /** The kind of this action. */
    ActionKind kind();

    /**
     * Replace the live u<sub>from</sub> by u<sub>to</sub>, calling the forward step for
     * {@code from, from+1, ..., to-1}.
     */
    record Advance(int from, int to) implements Action {
        public Advance {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("Advance needs 0 <= from < to, was from=" + from + ", to=" + to);
            }
        }

        @Override
        public ActionKind kind() {
            return ActionKind.ADVANCE;
        }
    }

    /** Copy the live state, which is u<sub>step</sub>, into {@code slot} of {@code tier}. */
    record Store(int step, Tier tier, int slot) implements Action {
        public Store {
            Objects.requireNonNull(tier, "tier");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.STORE;
        }
    }

    /** Make u<sub>step</sub>, held in {@code slot} of {@code tier}, the live state. */
    record Restore(int step, Tier tier, int slot) implements Action {
        public Restore {
            Objects.requireNonNull(tier, "tier");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.RESTORE;
        }
    }

    /** {@code slot} of {@code tier}, which holds u<sub>step</sub>, is no longer needed. */
    record Discard(int step, Tier tier, int slot) implements Action {
        public Discard {
            Objects.requireNonNull(tier, "tier");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.DISCARD;
        }
    }

    /**
     * The turn from the forward to the reverse sweep: the live state is u<sub>step</sub> with
     * {@code step = l-1}. Compute u<sub>l</sub> from it by one call of the forward step (the live
     * state stays u<sub>l-1</sub>), evaluate the final objective term at u<sub>l</sub> to seed
     * λ<sub>l</sub>, then run the adjoint of step {@code l-1}.
     */
    record Turn(int step) implements Action {
        @Override
        public ActionKind kind() {
            return ActionKind.TURN;
        }
    }

    /** Run the adjoint of step {@code step}; the live state is u<sub>step</sub>. */
    record Adjoint(int step) implements Action {
        @Override
        public ActionKind kind() {
            return ActionKind.ADJOINT;
        }
    }
}
