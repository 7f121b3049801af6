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

    /**
     * The kind of this action.
     *
     * @return the {@link ActionKind} matching this record's type, never {@code null}
     */
    ActionKind kind();

    /**
     * Replace the live u<sub>from</sub> by u<sub>to</sub>, calling the forward step for
     * {@code from, from+1, ..., to-1}.
     *
     * @param from the step of the live state before the advance, at least 0
     * @param to   the step of the live state after it, greater than {@code from}; {@code to - from}
     *             forward steps are evaluated
     */
    record Advance(int from, int to) implements Action {
        /**
         * Checks the step range.
         *
         * @param from the step of the live state before the advance, at least 0
         * @param to   the step of the live state after it, greater than {@code from}
         * @throws IllegalArgumentException if {@code from < 0} or {@code to <= from}
         */
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

    /**
     * Copy the live state, which is u<sub>step</sub>, into {@code slot} of {@code tier}.
     *
     * @param step the step of the live state that is stored
     * @param tier the tier written to, not {@code null}
     * @param slot the slot written to, {@code 0 <= slot < schedule.slots(tier)}; free before this
     *             action
     */
    record Store(int step, Tier tier, int slot) implements Action {
        /**
         * Checks that the tier is given.
         *
         * @param step the step of the live state that is stored
         * @param tier the tier written to, not {@code null}
         * @param slot the slot written to
         * @throws NullPointerException if {@code tier} is {@code null}
         */
        public Store {
            Objects.requireNonNull(tier, "tier");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.STORE;
        }
    }

    /**
     * Make u<sub>step</sub>, held in {@code slot} of {@code tier}, the live state.
     *
     * @param step the step of the snapshot that becomes live
     * @param tier the tier read from, not {@code null}
     * @param slot the slot read from, which holds u<sub>step</sub> and keeps holding it
     */
    record Restore(int step, Tier tier, int slot) implements Action {
        /**
         * Checks that the tier is given.
         *
         * @param step the step of the snapshot that becomes live
         * @param tier the tier read from, not {@code null}
         * @param slot the slot read from
         * @throws NullPointerException if {@code tier} is {@code null}
         */
        public Restore {
            Objects.requireNonNull(tier, "tier");
        }

        @Override
        public ActionKind kind() {
            return ActionKind.RESTORE;
        }
    }

    /**
     * {@code slot} of {@code tier}, which holds u<sub>step</sub>, is no longer needed.
     *
     * @param step the step of the snapshot that is dropped
     * @param tier the tier of the slot, not {@code null}
     * @param slot the slot freed by this action, which held u<sub>step</sub>
     */
    record Discard(int step, Tier tier, int slot) implements Action {
        /**
         * Checks that the tier is given.
         *
         * @param step the step of the snapshot that is dropped
         * @param tier the tier of the slot, not {@code null}
         * @param slot the slot freed by this action
         * @throws NullPointerException if {@code tier} is {@code null}
         */
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
     *
     * @param step the step {@code l-1} of the live state, the last step of the run
     */
    record Turn(int step) implements Action {
        @Override
        public ActionKind kind() {
            return ActionKind.TURN;
        }
    }

    /**
     * Run the adjoint of step {@code step}; the live state is u<sub>step</sub>.
     *
     * @param step the step whose adjoint maps λ<sub>step+1</sub> to λ<sub>step</sub>, with
     *             {@code 0 <= step < l-1}
     */
    record Adjoint(int step) implements Action {
        @Override
        public ActionKind kind() {
            return ActionKind.ADJOINT;
        }
    }
}
