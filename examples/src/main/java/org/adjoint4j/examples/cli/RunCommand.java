package org.adjoint4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.ValueTypes;
import org.adjoint4j.examples.cli.model.Grid2d;
import org.adjoint4j.examples.cli.model.Model;
import org.adjoint4j.examples.cli.output.ControlNorm;
import org.adjoint4j.examples.cli.output.GriddedField;
import org.adjoint4j.examples.cli.output.Hdf5FieldWriter;
import org.adjoint4j.examples.cli.output.JsonReport;
import org.adjoint4j.examples.cli.output.OutputDirectory;
import org.adjoint4j.examples.cli.output.ResultFields;
import org.adjoint4j.examples.cli.output.XdmfWriter;
import org.adjoint4j.examples.cli.plot.ProfilePlot;
import org.adjoint4j.examples.cli.plot.SensitivityMapPlot;
import org.adjoint4j.examples.cli.schedule.ScheduleSpec;
import org.adjoint4j.examples.cli.verify.CheckResult;
import org.adjoint4j.examples.cli.verify.VerificationPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adjoint4j run CONFIG}: computes a gradient and writes the report, fields and plots. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Compute the gradient of the configured model: prints J, the gradient norms and the checkpointing"
            + " statistics, and writes into the output directory report.json, fields.h5 + fields.xmf (gradient per"
            + " control field and final state, for ParaView) and sensitivity-CONTROL.png maps.",
            "The output directory appears only when everything is written. Exit codes: 0 success, 1 bad configuration"
            + " or unusable output directory, 2 failure during the run."})
final class RunCommand implements Callable<Integer> {

    /** {@code run.taylor_test}. */
    static final ConfigKey<Boolean> TAYLOR_TEST = ConfigKey.optional("run.taylor_test", ValueTypes.bool(), false,
            "after the gradient, check it with a Taylor test in a random direction of all controls and print the verdict"
                    + " (exit code 2 if it fails)");

    static final String REPORT = "report.json";
    static final String FIELDS_HDF5 = "fields.h5";
    static final String FIELDS_XDMF = "fields.xmf";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @Option(names = "--resume", description = "Continue an interrupted run (a disk schedule) from its journal and disk"
            + " snapshots in checkpointing.directory; the result is bit-identical to an uninterrupted run.")
    private boolean resume;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        PrintWriter out = spec.commandLine().getOut();
        Job job = config.load();
        if (job.output().hdf5()) {
            Hdf5FieldWriter.requireNativeLibrary();
        }
        Integer launched = RanksLaunch.ifAsked(config, job, spec);
        if (launched != null) {
            return launched;
        }
        try (OutputDirectory dir = job.printing() ? OutputDirectory.prepare(job.output().directory(), job.output().overwrite())
                : null;
             GradientRun run = GradientRun.open(job, job.progress(spec.commandLine().getErr()), resume, out)) {
            if (job.printing()) {
                out.println(job.header() + (resume ? ", resumed" : ""));
                out.println();
            }
            AdjointDriver driver = run.driver();
            GradientResult result = driver.gradient(job.model().initialControls());
            run.succeeded();
            List<ControlNorm> norms = ControlNorm.of(result.gradient(), job.communicator());
            List<GriddedField> fields = ResultFields.of(job.model(), result);
            if (job.printing()) {
                StatisticsReport.printGradient(out, job.model().objectiveInfo().name(), result.value(), norms);
                StatisticsReport.print(out, result.statistics());
            }
            List<CheckResult> checks = new ArrayList<>();
            if (job.configuration().get(TAYLOR_TEST)) {
                checks.add(VerificationPlan.taylorCheck(job.model(), job.configuration(), driver).run());
                if (job.printing()) {
                    CheckResult.Taylor t = (CheckResult.Taylor) checks.get(0);
                    out.println();
                    out.println(t.result().toString().replace("Taylor test:", "Taylor test (random direction in all controls):"));
                    out.println("VERDICT: " + (t.passed() ? "PASS" : "FAIL"));
                }
            }
            boolean passed = checks.stream().allMatch(CheckResult::passed);
            if (job.printing()) {
                List<String> files = write(dir.staging(), job, run.spec(), result, norms, fields, checks, started);
                dir.commit();
                out.println();
                out.println("outputs in " + dir.target() + ": " + String.join(", ", files));
            }
            return passed ? Adjoint4jCommand.OK : Adjoint4jCommand.FAILURE;
        }
    }

    private static List<String> write(Path dir, Job job, ScheduleSpec schedule, GradientResult result, List<ControlNorm> norms,
                                      List<GriddedField> fields, List<CheckResult> checks, Instant started) throws IOException {
        Model model = job.model();
        Grid2d grid = model.grid();
        List<String> files = new ArrayList<>();
        files.add(REPORT);
        if (job.output().hdf5()) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("title", "adjoint4j gradient of " + model.type());
            attributes.put("model", model.description());
            attributes.put("steps", model.steps());
            attributes.put("objective_value", result.value());
            attributes.put("adjoint4j_version", BuildVersion.adjoint4j());
            attributes.put("created", started.toString());
            Hdf5FieldWriter.write(dir.resolve(FIELDS_HDF5), grid, fields, attributes);
            XdmfWriter.write(dir.resolve(FIELDS_XDMF), FIELDS_HDF5, model.type(), grid, fields);
            files.add(FIELDS_HDF5);
            files.add(FIELDS_XDMF);
        }
        if (job.output().plots()) {
            for (GriddedField f : fields) {
                if (f.path().startsWith("gradient/") && f.nx() == grid.nx() && f.ny() == grid.ny()) {
                    String png = "sensitivity-" + f.name() + ".png";
                    String title = "Sensitivity " + f.longName() + " \u2014 " + model.description();
                    if (grid.ny() == 1) {
                        ProfilePlot.write(dir.resolve(png), grid, f.values(), f.longName(), f.units(), title);
                    } else {
                        SensitivityMapPlot.write(dir.resolve(png), grid, f.values(), f.longName(), f.units(), title);
                    }
                    files.add(png);
                }
            }
        }
        JsonReport report = new JsonReport("run", BuildVersion.adjoint4j(), started, job.configuration(), model,
                schedule, job.communicator().size());
        report.gradient(result, model.objectiveInfo(), norms);
        if (!checks.isEmpty()) {
            report.verification(checks);
        }
        report.files(files);
        report.write(dir.resolve(REPORT), Instant.now());
        return files;
    }
}
