package org.adjoint4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.SweepObserver;
import org.adjoint4j.examples.cli.estimate.EstimateSettings;
import org.adjoint4j.examples.cli.estimate.EstimationSummary;
import org.adjoint4j.examples.cli.estimate.IterationRecord;
import org.adjoint4j.examples.cli.estimate.TwinExperiment;
import org.adjoint4j.examples.cli.model.FieldInfo;
import org.adjoint4j.examples.cli.model.Model;
import org.adjoint4j.examples.cli.output.GriddedField;
import org.adjoint4j.examples.cli.output.Hdf5FieldWriter;
import org.adjoint4j.examples.cli.output.JsonReport;
import org.adjoint4j.examples.cli.output.OutputDirectory;
import org.adjoint4j.examples.cli.output.XdmfWriter;
import org.adjoint4j.examples.cli.plot.OptimizationConvergencePlot;
import org.adjoint4j.examples.estimate.EstimationFunctional;
import org.adjoint4j.examples.estimate.Lbfgs;
import org.adjoint4j.examples.estimate.NonlinearConjugateGradient;
import org.adjoint4j.examples.estimate.OptimizationResult;
import org.adjoint4j.examples.estimate.Optimizer;
import org.adjoint4j.examples.estimate.Penalty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adjoint4j estimate CONFIG}: a twin experiment that recovers controls from synthetic observations. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Estimate controls of the configured model in a twin experiment: observations of a state field are"
            + " synthesised from the model's configured controls (the truth, plus seeded noise), and the controls named in"
            + " [estimate] are recovered from a first guess by a gradient-based optimiser, every gradient an adjoint"
            + " computation under the configured checkpointing schedule. Prints one line per iteration (J, misfit,"
            + " gradient norm, relative error of each estimated control) and writes report.json, fields.h5 + fields.xmf"
            + " (estimate, truth and first guess of each estimated field) and estimate-convergence.png.",
            "Exit codes: 0 the optimisation ran (the report says why it stopped), 1 bad configuration or unusable"
            + " output directory, 2 failure during the run."})
final class EstimateCommand implements Callable<Integer> {

    static final String CONVERGENCE_PNG = "estimate-convergence.png";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        PrintWriter out = spec.commandLine().getOut();
        Job job = config.load();
        EstimateSettings settings = EstimateSettings.from(job.configuration());
        TwinExperiment.check(job.model(), settings, job.configuration());
        if (job.output().hdf5()) {
            Hdf5FieldWriter.requireNativeLibrary();
        }
        Integer launched = RanksLaunch.ifAsked(config, job, spec);
        if (launched != null) {
            return launched;
        }
        Model model = job.model();
        TwinExperiment twin = TwinExperiment.of(model, settings, job.configuration());
        try (OutputDirectory dir = job.printing() ? OutputDirectory.prepare(job.output().directory(), job.output().overwrite())
                : null;
             GradientRun run = GradientRun.open(job, twin.misfit(), SweepObserver.NONE, false, out)) {
            EstimationFunctional functional = new EstimationFunctional(run.driver(), twin.penalties(), twin.estimated());
            Optimizer optimizer = optimizer(settings, twin, model);
            if (job.printing()) {
                printSetup(out, job, twin, optimizer);
            }
            List<IterationRecord> records = new ArrayList<>();
            long t0 = System.nanoTime();
            OptimizationResult result = optimizer.minimize(functional, twin.firstGuess(), it -> {
                Map<String, Double> errors = twin.errors(it.controls());
                IterationRecord r = new IterationRecord(it.iteration(), it.value(), functional.lastDataTerm(),
                        functional.lastPenaltyTerm(), it.gradientNorm(), errors, it.valueEvaluations(),
                        it.gradientEvaluations(), (System.nanoTime() - t0) * 1e-9);
                records.add(r);
                if (job.printing()) {
                    printRow(out, r, twin);
                }
            });
            run.succeeded();
            List<String> penalties = twin.penalties().stream().map(Penalty::describe).toList();
            Map<String, EstimationSummary.ScalarEstimate> scalars = new LinkedHashMap<>();
            for (String c : twin.estimated()) {
                if (result.controls().layout().scalars().contains(c)) {
                    scalars.put(c, new EstimationSummary.ScalarEstimate(twin.truth().scalar(c), twin.firstGuess().scalar(c),
                            result.controls().scalar(c)));
                }
            }
            EstimationSummary summary = new EstimationSummary(optimizer.describe(), List.copyOf(twin.estimated()),
                    twin.observedField(), List.copyOf(twin.steps()), twin.observedCells(), settings.stride(),
                    settings.noise(), penalties, records, result.termination(), scalars);
            List<GriddedField> fields = fields(twin, result.controls());
            if (job.printing()) {
                printOutcome(out, summary);
                List<String> files = write(dir, job, twin, summary, fields, result.value(), started);
                dir.commit();
                out.println();
                out.println("outputs in " + dir.target() + ": " + String.join(", ", files));
            }
            return Adjoint4jCommand.OK;
        }
    }

    private static Optimizer optimizer(EstimateSettings s, TwinExperiment twin, Model model) {
        if (s.optimizer().equals("nonlinear-cg")) {
            return NonlinearConjugateGradient.builder(model.decomposition(), twin.estimated())
                    .maxIterations(s.maxIterations()).gradientTolerance(s.gradientTolerance()).build();
        }
        return Lbfgs.builder().memory(s.lbfgsMemory()).maxIterations(s.maxIterations())
                .gradientTolerance(s.gradientTolerance()).build();
    }

    private static void printSetup(PrintWriter out, Job job, TwinExperiment twin, Optimizer optimizer) {
        out.println("estimate " + job.header());
        EstimateSettings s = twin.settings();
        out.printf(Locale.ROOT, "  twin experiment: estimating %s from observations of %s at %d step%s (%s), %d cells"
                        + " each, noise %s%n", String.join(", ", twin.estimated()), twin.observedField(), twin.steps().size(),
                twin.steps().size() == 1 ? "" : "s", stepsText(twin), twin.observedCells(),
                s.noise() > 0 ? String.format(Locale.ROOT, "%.3g (seed %d)", s.noise(), s.seed()) : "none");
        for (Penalty p : twin.penalties()) {
            out.println("  penalty: " + p.describe());
        }
        out.println("  optimiser: " + optimizer.describe());
        out.println();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %4s  %-13s %-13s %-10s", "iter", "J",
                "misfit J_o", "|grad J|"));
        for (String c : twin.estimated()) {
            head.append(String.format(Locale.ROOT, " %-12s", "err " + c));
        }
        head.append(String.format(Locale.ROOT, " %9s %6s %8s", "gradients", "values", "time s"));
        out.println(head);
        out.flush();
    }

    private static String stepsText(TwinExperiment twin) {
        List<Integer> steps = List.copyOf(twin.steps());
        return steps.size() <= 4 ? steps.toString().replace("[", "").replace("]", "")
                : steps.get(0) + ", " + steps.get(1) + ", ..., " + steps.get(steps.size() - 1);
    }

    private static void printRow(PrintWriter out, IterationRecord r, TwinExperiment twin) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %4d  %-13.6e %-13.6e %-10.3e", r.iteration(),
                r.value(), r.misfit(), r.gradientNorm()));
        for (String c : twin.estimated()) {
            row.append(String.format(Locale.ROOT, " %-12.4e", r.errors().get(c)));
        }
        row.append(String.format(Locale.ROOT, " %9d %6d %8.2f", r.gradientEvaluations(), r.valueEvaluations(), r.seconds()));
        out.println(row);
        out.flush();
    }

    private static void printOutcome(PrintWriter out, EstimationSummary s) {
        out.println();
        out.printf(Locale.ROOT, "stopped after %d iterations: %s%n", s.last().iteration(), s.termination().description());
        out.printf(Locale.ROOT, "misfit reduced by a factor %.3g (%.6e -> %.6e)%n", s.misfitReduction(),
                s.iterations().get(0).misfit(), s.last().misfit());
        for (String c : s.estimated()) {
            out.printf(Locale.ROOT, "relative error of %s: %.4e at the first guess, %.4e estimated%n", c,
                    s.iterations().get(0).errors().get(c), s.last().errors().get(c));
        }
        s.scalars().forEach((c, v) -> out.printf(Locale.ROOT, "%s: %.10g estimated (true %.10g, first guess %.10g)%n", c,
                v.estimate(), v.truth(), v.firstGuess()));
    }

    /** The estimate, the truth and the first guess of each estimated field, gathered to rank 0. A collective call. */
    private static List<GriddedField> fields(TwinExperiment twin, Controls estimate) {
        Model model = twin.model();
        boolean root = model.communicator().rank() == 0;
        List<GriddedField> out = new ArrayList<>();
        Map<String, Controls> versions = new LinkedHashMap<>();
        versions.put("estimate", estimate);
        versions.put("truth", twin.truth());
        versions.put("first_guess", twin.firstGuess());
        for (Map.Entry<String, Controls> v : versions.entrySet()) {
            Controls c = v.getValue();
            for (int f = 0; f < c.layout().fields().size(); f++) {
                FieldSpec s = c.layout().fields().get(f);
                if (!twin.estimated().contains(s.name())) {
                    continue;
                }
                double[] global = model.gather(c.fields().owned(f));
                if (root) {
                    FieldInfo info = model.field(s.name());
                    out.add(new GriddedField(v.getKey() + "/" + s.name(), info.longName() + " (" + v.getKey().replace('_', ' ')
                            + ")", info.units(), "the " + v.getKey().replace('_', ' ') + " of the " + info.longName() + " ("
                            + s.name() + ") of each cell", model.grid().nx(), model.grid().ny(), global));
                }
            }
        }
        return out;
    }

    private static List<String> write(OutputDirectory dir, Job job, TwinExperiment twin, EstimationSummary summary,
                                      List<GriddedField> fields, double value, Instant started) throws IOException {
        Model model = job.model();
        Path staging = dir.staging();
        List<String> files = new ArrayList<>();
        files.add(RunCommand.REPORT);
        if (job.output().hdf5() && !fields.isEmpty()) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("title", "adjoint4j estimate of " + model.type());
            attributes.put("model", model.description());
            attributes.put("estimated_controls", String.join(", ", twin.estimated()));
            attributes.put("adjoint4j_version", BuildVersion.adjoint4j());
            attributes.put("created", started.toString());
            Hdf5FieldWriter.write(staging.resolve(RunCommand.FIELDS_HDF5), model.grid(), fields, attributes);
            XdmfWriter.write(staging.resolve(RunCommand.FIELDS_XDMF), RunCommand.FIELDS_HDF5, model.type() + "-estimate",
                    model.grid(), fields);
            files.add(RunCommand.FIELDS_HDF5);
            files.add(RunCommand.FIELDS_XDMF);
        }
        if (job.output().plots()) {
            List<IterationRecord> its = summary.iterations();
            List<OptimizationConvergencePlot.Series> series = new ArrayList<>();
            series.add(new OptimizationConvergencePlot.Series("misfit J_o / J_o(first guess)",
                    its.stream().mapToDouble(r -> r.misfit() / its.get(0).misfit()).toArray()));
            series.add(new OptimizationConvergencePlot.Series("|grad J| / |grad J(first guess)|",
                    its.stream().mapToDouble(r -> r.gradientNorm() / its.get(0).gradientNorm()).toArray()));
            for (String c : twin.estimated()) {
                series.add(new OptimizationConvergencePlot.Series("relative error of " + c,
                        its.stream().mapToDouble(r -> r.errors().get(c)).toArray()));
            }
            OptimizationConvergencePlot.write(staging.resolve(CONVERGENCE_PNG), "Twin experiment \u2014 "
                    + model.description(), series);
            files.add(CONVERGENCE_PNG);
        }
        JsonReport report = new JsonReport("estimate", BuildVersion.adjoint4j(), started, job.configuration(), model,
                job.scheduleSpec(), job.communicator().size());
        report.objective(new FieldInfo("J", "misfit to the synthetic observations plus penalties, at the estimate", "1"),
                value);
        report.estimation(summary);
        report.files(files);
        report.write(staging.resolve(RunCommand.REPORT), Instant.now());
        return files;
    }
}
