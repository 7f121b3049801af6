package org.adjoint4j.examples.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.SweepStatistics;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.TierUsage;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.estimate.EstimationSummary;
import org.adjoint4j.examples.cli.estimate.IterationRecord;
import org.adjoint4j.examples.cli.model.FieldInfo;
import org.adjoint4j.examples.cli.model.Grid2d;
import org.adjoint4j.examples.cli.model.Model;
import org.adjoint4j.examples.cli.schedule.ScheduleSpec;
import org.adjoint4j.examples.cli.verify.CheckResult;

/**
 * The JSON report {@code report.json} of {@code run}, {@code verify} and {@code estimate}, following the versioned
 * schema {@value #SCHEMA_RESOURCE} (JSON Schema 2020-12, documented in docs/outputs.md): the command
 * and its status, versions, timestamps, the configuration with every value, the model and schedule,
 * and, as the command produces them, J, the gradient norms, the sweep statistics and the
 * verification results or the estimation. Non-finite numbers are written as null.
 */
public final class JsonReport {

    /** The version of the report schema: MAJOR.MINOR; a MINOR step only adds optional fields. */
    public static final String SCHEMA_VERSION = "1.1";
    /** The class-path resource holding the JSON Schema of this version. */
    public static final String SCHEMA_RESOURCE = "/org/adjoint4j/examples/cli/output/report-schema-1.1.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final Instant started;

    /**
     * A report of {@code command} ("run", "verify" or "estimate") started at {@code started}.
     *
     * @param command       the subcommand: "run", "verify" or "estimate"
     * @param version       the version of adjoint4j
     * @param started       when the command started; the wall time is measured from it
     * @param configuration the configuration, echoed with every value and its file and overrides
     * @param model         the model, described with its grid and controls
     * @param schedule      the checkpointing schedule as configured
     * @param ranks         the number of ranks of the run
     */
    public JsonReport(String command, String version, Instant started, Configuration configuration, Model model,
                      ScheduleSpec schedule, int ranks) {
        this.started = Objects.requireNonNull(started, "started");
        root.put("schema", "adjoint4j-report");
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("command", command);
        root.put("status", "ok");
        ObjectNode versions = root.putObject("versions");
        versions.put("adjoint4j", version);
        versions.put("java", System.getProperty("java.version"));
        versions.put("javaVendor", System.getProperty("java.vendor"));
        root.putObject("timestamps").put("started", started.toString());

        ObjectNode config = root.putObject("configuration");
        config.put("file", configuration.file().toAbsolutePath().normalize().toString());
        ArrayNode overrides = config.putArray("overrides");
        configuration.overrides().forEach(overrides::add);
        config.set("values", configuration.echo());

        ObjectNode m = root.putObject("model");
        m.put("type", model.type());
        m.put("description", model.description());
        m.put("steps", model.steps());
        m.put("ranks", ranks);
        m.put("stateBytes", model.stepper().stateLayout().snapshotLayout().bytes());
        Grid2d g = model.grid();
        ObjectNode grid = m.putObject("grid");
        grid.put("nx", g.nx());
        grid.put("ny", g.ny());
        grid.put("dx", g.dx());
        grid.put("dy", g.dy());
        grid.put("x0", g.x0());
        grid.put("y0", g.y0());
        grid.put("lengthUnits", g.lengthUnits());
        ControlLayout controls = model.stepper().controlLayout();
        ArrayNode fields = m.putObject("controls").putArray("fields");
        controls.fields().names().forEach(fields::add);
        ArrayNode scalars = ((ObjectNode) m.get("controls")).putArray("scalars");
        controls.scalars().forEach(scalars::add);

        ObjectNode s = root.putObject("schedule");
        s.put("kind", schedule.kind().configName());
        s.put("description", schedule.describe());
        s.put("memorySlotsAvailable", schedule.memorySlots());
        if (schedule.kind().usesDisk()) {
            s.put("diskSlotsAvailable", schedule.diskSlots());
        }
        if (schedule.kind() == org.adjoint4j.examples.cli.schedule.ScheduleKind.MULTI_LEVEL && !schedule.calibrate()) {
            number(s, "writeCost", schedule.writeCost());
            number(s, "readCost", schedule.readCost());
        }
    }

    /**
     * Adds J, the norms of the gradient per control and the statistics of the sweeps.
     *
     * @param result    the gradient computation: its value and sweep statistics are written
     * @param objective the name, description and units of J
     * @param norms     the gradient's norms per control, e.g. from {@link ControlNorm#of}
     */
    public void gradient(GradientResult result, FieldInfo objective, List<ControlNorm> norms) {
        objective(objective, result.value());
        ArrayNode gradient = root.putArray("gradient");
        for (ControlNorm n : norms) {
            ObjectNode c = gradient.addObject();
            c.put("control", n.control());
            c.put("kind", n.scalar() ? "scalar" : "field");
            number(c, "norm2", n.norm2());
            number(c, "normMax", n.normMax());
            if (n.scalar()) {
                number(c, "value", n.value());
            }
        }
        statistics(result.statistics());
    }

    /**
     * Adds J(m) alone (when no gradient section is written).
     *
     * @param objective the name, description and units of J
     * @param value     J(m); written as null if not finite
     */
    public void objective(FieldInfo objective, double value) {
        ObjectNode j = root.putObject("objective");
        j.put("name", objective.name());
        j.put("description", objective.longName());
        j.put("units", objective.units());
        number(j, "value", value);
    }

    private void statistics(SweepStatistics st) {
        ObjectNode s = root.putObject("statistics");
        s.put("steps", st.steps());
        s.put("forwardEvaluations", st.forwardEvaluations());
        s.put("adjointSteps", st.adjointSteps());
        number(s, "recomputeFactor", st.recomputeFactor());
        s.put("peakSnapshots", st.peakSnapshots());
        ObjectNode tiers = s.putObject("tiers");
        for (Tier t : Tier.values()) {
            TierUsage u = st.usage(t);
            if (st.tiers().containsKey(t)) {
                ObjectNode tier = tiers.putObject(t.name().toLowerCase(Locale.ROOT));
                tier.put("stores", u.stores());
                tier.put("restores", u.restores());
                tier.put("peakSlots", u.peakSlots());
                tier.put("peakBytes", st.peakBytes(t));
            }
        }
        s.put("forwardNanos", st.forwardNanos());
        s.put("adjointNanos", st.adjointNanos());
        s.put("storageNanos", st.storageNanos());
        s.put("objectiveNanos", st.objectiveNanos());
        s.put("overheadNanos", st.overheadNanos());
        s.put("totalNanos", st.totalNanos());
    }

    /**
     * Adds the verification results and sets the status to "passed" or "failed".
     *
     * @param results the checks in the order run; "passed" only if every one passed
     */
    public void verification(List<CheckResult> results) {
        long passed = results.stream().filter(CheckResult::passed).count();
        boolean all = passed == results.size();
        root.put("status", all ? "passed" : "failed");
        ObjectNode v = root.putObject("verification");
        v.put("passed", all);
        v.put("checksRun", results.size());
        v.put("checksPassed", passed);
        ArrayNode checks = v.putArray("checks");
        for (CheckResult r : results) {
            ObjectNode c = checks.addObject();
            c.put("name", r.name());
            c.put("passed", r.passed());
            c.put("summary", r.summary());
            if (r instanceof CheckResult.DotProduct d) {
                dotProduct(c, d);
            } else if (r instanceof CheckResult.HaloDotProduct h) {
                haloDotProduct(c, h);
            } else if (r instanceof CheckResult.Taylor t) {
                taylor(c, t);
            }
        }
    }

    private static void dotProduct(ObjectNode c, CheckResult.DotProduct d) {
        DotProductResult r = d.result();
        c.put("kind", "dot-product");
        c.put("step", d.step());
        number(c, "tangentProduct", r.tangentProduct());
        number(c, "adjointProduct", r.adjointProduct());
        number(c, "relativeMismatch", r.relativeMismatch());
        c.put("tolerance", DotProductResult.TOLERANCE);
    }

    private static void haloDotProduct(ObjectNode c, CheckResult.HaloDotProduct h) {
        DotProductResult r = h.result();
        c.put("kind", "halo-dot-product");
        c.put("width", h.width());
        c.put("corners", h.corners());
        c.put("ranks", h.ranks());
        number(c, "tangentProduct", r.tangentProduct());
        number(c, "adjointProduct", r.adjointProduct());
        number(c, "relativeMismatch", r.relativeMismatch());
        c.put("tolerance", CheckResult.HaloDotProduct.TOLERANCE);
    }

    private static void taylor(ObjectNode c, CheckResult.Taylor t) {
        TaylorResult r = t.result();
        c.put("kind", "taylor");
        c.put("direction", t.direction());
        number(c, "value", r.value());
        number(c, "directionalDerivative", r.directionalDerivative());
        number(c, "order", r.order());
        c.putArray("acceptedOrder").add(TaylorResult.MIN_ORDER).add(TaylorResult.MAX_ORDER);
        ArrayNode points = c.putArray("points");
        double[] h = r.h();
        double[] rem = r.remainders();
        boolean[] used = r.used();
        for (int k = 0; k < h.length; k++) {
            ObjectNode p = points.addObject();
            number(p, "h", h[k]);
            number(p, "remainder", rem[k]);
            p.put("fitted", used[k]);
        }
    }

    /**
     * Adds the outcome of a twin experiment ({@code estimate}).
     *
     * @param e the summary; its iterations must have an error for every estimated control
     */
    public void estimation(EstimationSummary e) {
        ObjectNode n = root.putObject("estimation");
        n.put("optimizer", e.optimizer());
        n.put("termination", e.termination().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        n.put("terminationReason", e.termination().description());
        ArrayNode controls = n.putArray("estimatedControls");
        e.estimated().forEach(controls::add);
        ObjectNode obs = n.putObject("observations");
        obs.put("field", e.observedField());
        ArrayNode steps = obs.putArray("steps");
        e.steps().forEach(steps::add);
        obs.put("cellsPerStep", e.observedCells());
        obs.put("stride", e.stride());
        number(obs, "noise", e.noise());
        ArrayNode penalties = n.putArray("penalties");
        e.penalties().forEach(penalties::add);
        number(n, "misfitReduction", e.misfitReduction());
        ObjectNode errors = n.putObject("finalRelativeErrors");
        e.last().errors().forEach((c, v) -> number(errors, c, v));
        ObjectNode scalars = n.putObject("scalars");
        e.scalars().forEach((c, v) -> {
            ObjectNode o = scalars.putObject(c);
            number(o, "truth", v.truth());
            number(o, "firstGuess", v.firstGuess());
            number(o, "estimate", v.estimate());
        });
        ObjectNode first = n.putObject("firstGuessRelativeErrors");
        e.iterations().get(0).errors().forEach((c, v) -> number(first, c, v));
        ArrayNode iterations = n.putArray("iterations");
        for (IterationRecord r : e.iterations()) {
            ObjectNode it = iterations.addObject();
            it.put("iteration", r.iteration());
            number(it, "value", r.value());
            number(it, "misfit", r.misfit());
            number(it, "penalty", r.penalty());
            number(it, "gradientNorm", r.gradientNorm());
            ObjectNode err = it.putObject("relativeErrors");
            for (String c : e.estimated()) {
                number(err, c, r.errors().get(c));
            }
            it.put("valueEvaluations", r.valueEvaluations());
            it.put("gradientEvaluations", r.gradientEvaluations());
            number(it, "seconds", r.seconds());
        }
    }

    /**
     * Lists the files of the output directory, the report included.
     *
     * @param names the file names relative to the output directory, in the order to list them
     */
    public void files(List<String> names) {
        ArrayNode files = root.putArray("files");
        names.forEach(files::add);
    }

    /**
     * The report as a JSON tree, as it would be written at {@code finished}.
     *
     * @param finished the finishing time, written with the wall time since the start
     * @return a new tree; later changes to the report do not affect it
     */
    public ObjectNode toJson(Instant finished) {
        ObjectNode copy = root.deepCopy();
        ObjectNode t = (ObjectNode) copy.get("timestamps");
        t.put("finished", finished.toString());
        t.put("wallSeconds", Duration.between(started, finished).toNanos() * 1e-9);
        return copy;
    }

    /**
     * Writes the report, pretty-printed, with the finishing time {@code finished}.
     *
     * @param file     the file to create or replace
     * @param finished the finishing time, written with the wall time since the start
     * @throws IOException if the file cannot be written
     */
    public void write(Path file, Instant finished) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), toJson(finished));
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
