package org.adjoint4j.checkpoint;

/**
 * The walk over the actions of an {@link OnlineSchedule}: an {@link ActionCursor} that is told
 * where the run ended. See {@link OnlineSchedule} for the protocol.
 */
public interface OnlineCursor extends ActionCursor {

    /**
     * The model reported u<sub>last</sub>, the live state reached by the latest forward step, as
     * final. The next action is the first of the reverse phase.
     *
     * @param last the final step; the current action must be the {@link ActionKind#ADVANCE} that
     *             reached it, so {@code step() < last <= to()}
     * @throws IllegalArgumentException naming {@code last} and the advance if it lies outside
     *         {@code (step(), to()]}
     * @throws IllegalStateException if the current action is not an advance of the forward phase,
     *         or if the run has already ended
     */
    void end(int last);
}
