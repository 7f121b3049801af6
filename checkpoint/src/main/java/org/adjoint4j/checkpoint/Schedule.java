package org.adjoint4j.checkpoint;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A checkpointing schedule for a run of {@link #steps()} steps: a pure, deterministic, lazy
 * generator of {@link Action}s. It has no I/O and no model state; walking it twice gives the same
 * actions. See {@link Action} for the meaning of each action.
 */
public interface Schedule {

    /**
     * Number of time steps {@code l} of the run, at least 1.
     *
     * @return {@code l}; the run computes u<sub>0</sub> .. u<sub>l</sub>
     */
    int steps();

    /**
     * The most slots of {@code tier} that the schedule occupies at any one time.
     *
     * @param tier the tier asked about
     * @return the number of slots a store of that tier needs, at least 0; the schedule uses slots
     *         {@code 0 .. slots(tier)-1} only
     */
    int slots(Tier tier);

    /**
     * A fresh walk from the first action.
     *
     * @return a new cursor, positioned before the first action; independent of any earlier cursor
     */
    ActionCursor cursor();

    /**
     * The actions as a sequential stream (allocates one record per action).
     *
     * @return an ordered stream of every action of the schedule, from a fresh cursor
     */
    default Stream<Action> actions() {
        ActionCursor c = cursor();
        Spliterator<Action> split = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE) {
            @Override
            public boolean tryAdvance(Consumer<? super Action> action) {
                if (!c.next()) {
                    return false;
                }
                action.accept(c.action());
                return true;
            }
        };
        return StreamSupport.stream(split, false);
    }
}
