package org.adjoint4j.examples.cli.schedule;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.OnlineSchedule;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.TierUsage;

/**
 * What a schedule will make the driver do, for sizing a job before it runs: forward evaluations,
 * recompute factor, slots, writes and reads per tier, the predicted cost, and bytes when the size of
 * one state is known. Found by replaying the schedule ({@link ScheduleSummary}), so it is exactly what
 * the driver does. This class is the one place that turns a summary into a table or JSON.
 */
public final class ScheduleReport {

    private final ScheduleSpec spec;
    private final Schedule schedule;
    private final ScheduleSummary summary;
    private final OptionalLong stateBytes;

    private ScheduleReport(ScheduleSpec spec, Schedule schedule, ScheduleSummary summary, OptionalLong stateBytes) {
        this.spec = spec;
        this.schedule = schedule;
        this.summary = summary;
        this.stateBytes = stateBytes;
    }

    /**
     * Replays the schedule that {@code spec} describes.
     *
     * @param spec       the schedule; a multi-level one needs its disk costs (not still to be measured)
     * @param stateBytes bytes of one stored state, if known (at least 1)
     * @return the report; an online schedule is replayed for a run of {@code spec.steps()} steps
     * @throws IllegalArgumentException if {@code stateBytes} is below 1
     */
    public static ScheduleReport of(ScheduleSpec spec, OptionalLong stateBytes) {
        Objects.requireNonNull(spec, "spec");
        if (stateBytes.isPresent() && stateBytes.getAsLong() < 1) {
            throw new IllegalArgumentException("stateBytes must be >= 1, was " + stateBytes.getAsLong());
        }
        if (spec.online()) {
            OnlineSchedule online = spec.toOnlineSchedule();
            return new ScheduleReport(spec, new OnlineRunView(online, spec.steps()),
                    ScheduleSummary.ofOnline(online, spec.steps()), stateBytes);
        }
        Schedule schedule = spec.toSchedule();
        return new ScheduleReport(spec, schedule, ScheduleSummary.of(schedule), stateBytes);
    }

    /**
     * Calls of the step's forward for a terminal objective, recomputations and the turn included.
     *
     * @return the number of forward step evaluations of one gradient computation
     */
    public long forwardEvaluations() {
        return summary.forwardEvaluations();
    }

    /**
     * Most memory slots occupied at one time.
     *
     * @return the peak number of memory slots used, at most the available ones
     */
    public int memorySlots() {
        return summary.usage(Tier.MEMORY).peakSlots();
    }

    /**
     * Most disk slots occupied at one time.
     *
     * @return the peak number of disk slots used; 0 for schedules without disk
     */
    public int diskSlots() {
        return summary.usage(Tier.DISK).peakSlots();
    }

    /**
     * Snapshots written to disk.
     *
     * @return the number of disk stores of one gradient computation
     */
    public long diskWrites() {
        return summary.usage(Tier.DISK).stores();
    }

    /**
     * Snapshots read from disk.
     *
     * @return the number of disk restores of one gradient computation
     */
    public long diskReads() {
        return summary.usage(Tier.DISK).restores();
    }

    /**
     * The predicted cost in units of one forward step: forward evaluations plus the disk writes and
     * reads at their costs; copies to and from memory are taken as free.
     *
     * @return the cost in forward steps, with the specification's write and read costs
     */
    public double predictedCost() {
        return summary.cost(spec.writeCost(), spec.readCost());
    }

    /**
     * Prints the report as an aligned table.
     *
     * @param out where the table goes; not flushed or closed
     */
    public void printTable(PrintWriter out) {
        TierUsage memory = summary.usage(Tier.MEMORY);
        out.println("schedule " + schedule);
        row(out, "steps", Integer.toString(summary.steps()));
        row(out, "memory slots", memorySlots() + " used of " + spec.memorySlots() + " available");
        row(out, "disk slots", diskSlots() + (spec.kind().usesDisk()
                ? " used of " + (spec.diskSlots() == 0 ? "unlimited" : spec.diskSlots() + " available") : ""));
        row(out, "forward evaluations", String.format(Locale.ROOT, "%d  (recompute factor %.4f)",
                summary.forwardEvaluations(), summary.recomputeFactor()));
        row(out, "adjoint steps", Long.toString(summary.adjointSteps()));
        row(out, "memory writes, reads", memory.stores() + ", " + memory.restores());
        row(out, "disk writes, reads", diskWrites() + ", " + diskReads());
        row(out, "peak snapshots", Integer.toString(summary.peakSnapshots()));
        row(out, "actions", Long.toString(summary.actions()));
        row(out, "predicted cost", String.format(Locale.ROOT, "%.1f forward steps", predictedCost())
                + (spec.kind().usesDisk() ? String.format(Locale.ROOT, " (a disk write %.3g, a read %.3g)", spec.writeCost(),
                spec.readCost()) : ""));
        if (stateBytes.isPresent()) {
            long b = stateBytes.getAsLong();
            row(out, "bytes per slot", b + " B (" + Bytes.format(b) + ")");
            row(out, "peak memory", Bytes.format(memorySlots() * b));
        }
    }

    /**
     * Writes the report as one JSON object. Keys: {@code schedule}, {@code description}, {@code steps},
     * {@code memorySlotsAvailable}, {@code memorySlots}, {@code diskSlots}, {@code forwardEvaluations},
     * {@code adjointSteps}, {@code recomputeFactor}, {@code memoryWrites}, {@code memoryReads},
     * {@code diskWrites}, {@code diskReads}, {@code peakSnapshots}, {@code actionCount},
     * {@code predictedCost}; for disk schedules {@code diskSlotsAvailable} (0: unlimited), {@code writeCost}
     * and {@code readCost}; with a state size also {@code bytesPerSlot}, {@code peakMemoryBytes},
     * {@code peakDiskBytes}; with {@code withActions} an array {@code actions}.
     *
     * @param g           the generator to write the object to, at a place where a value may start
     * @param withActions whether to include every action of the schedule (one object each)
     * @throws IOException if the generator fails to write
     */
    public void writeJson(JsonGenerator g, boolean withActions) throws IOException {
        TierUsage memory = summary.usage(Tier.MEMORY);
        g.writeStartObject();
        g.writeStringField("schedule", spec.kind().configName());
        g.writeStringField("description", schedule.toString());
        g.writeNumberField("steps", summary.steps());
        g.writeNumberField("memorySlotsAvailable", spec.memorySlots());
        if (spec.kind().usesDisk()) {
            g.writeNumberField("diskSlotsAvailable", spec.diskSlots());
            g.writeNumberField("writeCost", spec.writeCost());
            g.writeNumberField("readCost", spec.readCost());
        }
        g.writeNumberField("memorySlots", memorySlots());
        g.writeNumberField("diskSlots", diskSlots());
        g.writeNumberField("forwardEvaluations", summary.forwardEvaluations());
        g.writeNumberField("adjointSteps", summary.adjointSteps());
        g.writeNumberField("recomputeFactor", summary.recomputeFactor());
        g.writeNumberField("memoryWrites", memory.stores());
        g.writeNumberField("memoryReads", memory.restores());
        g.writeNumberField("diskWrites", diskWrites());
        g.writeNumberField("diskReads", diskReads());
        g.writeNumberField("peakSnapshots", summary.peakSnapshots());
        g.writeNumberField("actionCount", summary.actions());
        g.writeNumberField("predictedCost", predictedCost());
        if (stateBytes.isPresent()) {
            long b = stateBytes.getAsLong();
            g.writeNumberField("bytesPerSlot", b);
            g.writeNumberField("peakMemoryBytes", memorySlots() * b);
            g.writeNumberField("peakDiskBytes", diskSlots() * b);
        }
        if (withActions) {
            g.writeArrayFieldStart("actions");
            ActionCursor c = schedule.cursor();
            while (c.next()) {
                ActionText.writeJson(c, g);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /**
     * Prints the schedule's actions, one per line.
     *
     * @param out where the actions go, each with its index; not flushed or closed
     */
    public void printActions(PrintWriter out) {
        ActionCursor c = schedule.cursor();
        long index = 0;
        while (c.next()) {
            out.printf(Locale.ROOT, "%8d  %s%n", index++, ActionText.describe(c));
        }
    }

    private static void row(PrintWriter out, String name, String value) {
        out.printf(Locale.ROOT, "  %-22s %s%n", name, value);
    }
}
