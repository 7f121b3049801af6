package org.adjoint4j.examples.cli.schedule;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;
import org.adjoint4j.checkpoint.ActionCursor;

/** The current action of a schedule as a line of text or a JSON object. */
final class ActionText {

    private ActionText() {
    }

    /** E.g. "advance 0 -> 5", "store u_5 in memory slot 1", "adjoint 98". */
    static String describe(ActionCursor c) {
        switch (c.kind()) {
            case ADVANCE: return "advance " + c.step() + " -> " + c.to();
            case STORE: return "store u_" + c.step() + " in " + tier(c) + " slot " + c.slot();
            case RESTORE: return "restore u_" + c.step() + " from " + tier(c) + " slot " + c.slot();
            case DISCARD: return "discard u_" + c.step() + " from " + tier(c) + " slot " + c.slot();
            case TURN: return "turn " + c.step() + " (forward to u_" + (c.step() + 1) + ", then adjoint " + c.step() + ")";
            case ADJOINT: return "adjoint " + c.step();
            default: throw new AssertionError(c.kind());
        }
    }

    /** E.g. {@code {"action":"advance","from":0,"to":5}} or {@code {"action":"store","step":5,"tier":"memory","slot":1}}. */
    static void writeJson(ActionCursor c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("action", c.kind().name().toLowerCase(Locale.ROOT));
        switch (c.kind()) {
            case ADVANCE:
                g.writeNumberField("from", c.step());
                g.writeNumberField("to", c.to());
                break;
            case STORE:
            case RESTORE:
            case DISCARD:
                g.writeNumberField("step", c.step());
                g.writeStringField("tier", tier(c));
                g.writeNumberField("slot", c.slot());
                break;
            case TURN:
            case ADJOINT:
                g.writeNumberField("step", c.step());
                break;
            default:
                throw new AssertionError(c.kind());
        }
        g.writeEndObject();
    }

    private static String tier(ActionCursor c) {
        return c.tier().name().toLowerCase(Locale.ROOT);
    }
}
