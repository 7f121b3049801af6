package org.adjoint4j.examples.cli.schedule;

import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.ActionKind;
import org.adjoint4j.checkpoint.OnlineCursor;
import org.adjoint4j.checkpoint.OnlineSchedule;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.Tier;

/**
 * The actions an online schedule takes in a run that turns out to have {@code steps} steps, as a
 * fixed-length walk: the advance that reaches the last step is cut there and the cursor is told the
 * run ended. For listing the actions; its turn calls no forward step, unlike an offline schedule's.
 */
final class OnlineRunView implements Schedule {

    private final OnlineSchedule online;
    private final int steps;

    OnlineRunView(OnlineSchedule online, int steps) {
        this.online = online;
        this.steps = steps;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public int slots(Tier tier) {
        return online.slots(tier);
    }

    @Override
    public ActionCursor cursor() {
        OnlineCursor c = online.cursor();
        return new ActionCursor() {
            private boolean ended;
            private int to;

            @Override
            public boolean next() {
                if (!ended && c.kind() == ActionKind.ADVANCE && c.step() < steps && steps <= c.to()) {
                    c.end(steps);
                    ended = true;
                }
                if (!c.next()) {
                    return false;
                }
                to = c.kind() == ActionKind.ADVANCE && !ended ? Math.min(c.to(), steps) : c.to();
                return true;
            }

            @Override
            public ActionKind kind() {
                return c.kind();
            }

            @Override
            public int step() {
                return c.step();
            }

            @Override
            public int to() {
                return to;
            }

            @Override
            public Tier tier() {
                return c.tier();
            }

            @Override
            public int slot() {
                return c.slot();
            }
        };
    }

    @Override
    public String toString() {
        return online + " in a run of " + steps + " steps";
    }
}
