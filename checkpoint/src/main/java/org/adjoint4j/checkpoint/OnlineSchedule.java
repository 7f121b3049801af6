package org.adjoint4j.checkpoint;

/**
 * A checkpointing schedule for a run whose number of steps is not known in advance (adaptive time
 * steps, a run until a time or a convergence criterion). Like a {@link Schedule} it is a pure,
 * deterministic generator of {@link Action}s; the only input it gets during a run is the step at
 * which the model declared the state final, through {@link OnlineCursor#end(int)}.
 *
 * <p>The driver's side of the protocol:
 * <pre>
 * OnlineCursor c = schedule.cursor();
 * forward phase, u_0 live:
 *   while (c.next()):
 *     Store(n, tier, slot), Discard(n, tier, slot): as for a Schedule
 *     Advance(a, b): for n = a .. b-1: u_{n+1} = forward(n, u_n), keeping u_n as well;
 *                    if the model says u_{n+1} is final: last = n+1, leave both loops
 * c.end(last)          // u_last is live and the driver still holds u_{last-1}
 * reverse phase:
 *   while (c.next()):
 *     Turn(last-1):   the first action apart from discards; no forward call: the final term is
 *                     evaluated at the live u_last, u_{last-1} becomes live, then the adjoint of
 *                     step last-1 runs
 *     Store, Restore, Discard, Advance, Adjoint: as for a Schedule
 * </pre>
 * Before {@code end} the cursor yields only stores, discards and advances, and it keeps yielding
 * them as long as it is asked; after {@code end} its actions reverse steps {@code last-1 .. 0}
 * exactly as a {@link Schedule}'s do. {@link ScheduleSummary#ofOnline(OnlineSchedule, int)}
 * replays this protocol and checks it.
 */
public interface OnlineSchedule {

    /**
     * The most slots of {@code tier} that the schedule occupies at any one time, for any run length.
     *
     * @param tier the tier asked about
     * @return the number of slots a store of that tier needs, at least 0; the schedule uses slots
     *         {@code 0 .. slots(tier)-1} only
     */
    int slots(Tier tier);

    /**
     * A fresh walk from the first action of a new run.
     *
     * @return a new cursor, positioned before the first action; independent of any earlier cursor
     */
    OnlineCursor cursor();
}
