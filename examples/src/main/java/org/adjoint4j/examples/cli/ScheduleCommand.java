package org.adjoint4j.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.adjoint4j.examples.cli.schedule.ScheduleKind;
import org.adjoint4j.examples.cli.schedule.ScheduleReport;
import org.adjoint4j.examples.cli.schedule.ScheduleSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adjoint4j schedule}: sizes a job before it is submitted, by replaying its checkpointing schedule. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Size a job before submitting it: replays the checkpointing schedule for L steps and reports"
            + " forward evaluations (for a terminal objective), recompute factor, memory and disk slots used, writes and"
            + " reads, the predicted cost in forward steps and, with --state-bytes, the bytes used.",
            "With --json one JSON object (keys in docs/outputs.md); --actions lists every action."})
final class ScheduleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--steps", required = true, paramLabel = "L", description = "Time steps of the run (>= 1).")
    private int steps;

    @Option(names = "--memory", paramLabel = "S",
            description = "Memory snapshot slots, u0's included (>= 1); required by the binomial schedule.")
    private Integer memory;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "binomial (the default), store-all, multi-level (the default with --disk), disk (binomial with"
                    + " every snapshot on disk) or online (the default with --online).")
    private String schedule;

    @Option(names = "--disk", paramLabel = "D",
            description = "Disk slots of the multi-level schedule (0 for as many as it needs) or of the disk schedule.")
    private Integer disk;

    @Option(names = "--write-cost", paramLabel = "W", description = "A disk write in forward steps (default 1).")
    private Double writeCost;

    @Option(names = "--read-cost", paramLabel = "R", description = "A disk read in forward steps (default 1).")
    private Double readCost;

    @Option(names = "--online", description = "The online schedule, for runs whose length the model decides; L is then"
            + " the length the run turns out to have.")
    private boolean online;

    @Option(names = "--state-bytes", paramLabel = "B", description = "Bytes of one stored state, to report bytes per slot.")
    private Long stateBytes;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    private boolean json;

    @Option(names = "--actions", description = "List the schedule's actions.")
    private boolean actions;

    @Override
    public Integer call() throws IOException {
        if (stateBytes != null && stateBytes < 1) {
            throw usage("--state-bytes must be >= 1, was " + stateBytes);
        }
        ScheduleReport report = ScheduleReport.of(scheduleSpec(),
                stateBytes == null ? OptionalLong.empty() : OptionalLong.of(stateBytes));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            report.writeJson(g, actions);
            g.close();
            out.println();
        } else {
            report.printTable(out);
            if (actions) {
                out.println();
                report.printActions(out);
            }
        }
        out.flush();
        return Adjoint4jCommand.OK;
    }

    /** The one place that turns the options into a schedule specification. */
    private ScheduleSpec scheduleSpec() {
        if (steps < 1) {
            throw usage("--steps must be >= 1, was " + steps);
        }
        String name = schedule != null ? schedule : online ? "online" : disk != null ? "multi-level" : "binomial";
        ScheduleKind kind;
        try {
            kind = ScheduleKind.named(name);
        } catch (IllegalArgumentException e) {
            throw usage("--" + e.getMessage());
        }
        if (online && kind != ScheduleKind.ONLINE) {
            throw usage("--online goes with --schedule online, not " + name);
        }
        if (disk != null && !kind.usesDisk()) {
            throw usage("--disk is for the multi-level and disk schedules, not " + name);
        }
        if ((writeCost != null || readCost != null) && !kind.usesDisk()) {
            throw usage("--write-cost and --read-cost are for the multi-level and disk schedules, not " + name);
        }
        double w = cost(writeCost, "--write-cost");
        double r = cost(readCost, "--read-cost");
        switch (kind) {
            case STORE_ALL:
                if (memory != null) {
                    throw usage("--memory is not used by --schedule store-all, which keeps all " + (steps - 1)
                            + " states; drop --memory or use --schedule binomial");
                }
                return ScheduleSpec.storeAll(steps);
            case BINOMIAL:
                return ScheduleSpec.binomial(steps, memory(name));
            case ONLINE:
                return ScheduleSpec.online(steps, memory(name));
            case MULTI_LEVEL:
                if (disk == null || disk < 0) {
                    throw usage("--disk D (>= 0; 0 for as many as needed) is required by the multi-level schedule");
                }
                return ScheduleSpec.multiLevel(steps, memory(name), disk, w, r);
            case DISK:
                if (memory != null) {
                    throw usage("--memory is not used by --schedule disk, which keeps every snapshot on disk");
                }
                if (disk == null || disk < 1) {
                    throw usage("--disk D (>= 1) is required by the disk schedule");
                }
                return ScheduleSpec.disk(steps, disk, w, r);
            default:
                throw new AssertionError(kind);
        }
    }

    private int memory(String name) {
        if (memory == null) {
            throw usage("--memory S is required by --schedule " + name);
        }
        if (memory < 1) {
            throw usage("--memory must be >= 1, was " + memory);
        }
        return memory;
    }

    private double cost(Double value, String option) {
        if (value == null) {
            return 1.0;
        }
        if (!(value >= 0) || value.isInfinite()) {
            throw usage(option + " must be a finite number >= 0, was " + value);
        }
        return value;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
