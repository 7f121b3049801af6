package org.adjoint4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.examples.cli.output.JsonReport;
import org.adjoint4j.examples.cli.output.OutputDirectory;
import org.adjoint4j.examples.cli.plot.TaylorConvergencePlot;
import org.adjoint4j.examples.cli.verify.CheckResult;
import org.adjoint4j.examples.cli.verify.VerificationCheck;
import org.adjoint4j.examples.cli.verify.VerificationPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adjoint4j verify CONFIG}: dot-product and Taylor tests of the configured model's adjoint. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the adjoint of the configured model: dot-product tests of the step at a few steps and"
            + " Taylor tests of the whole gradient (under the configured schedule) in one direction per control and in"
            + " all controls together. Prints a table of results and a PASS/FAIL verdict, and writes report.json and"
            + " a Taylor convergence plot (PNG) into the output directory.",
            "Exit codes: 0 every check passed, 1 bad configuration or unusable output directory, 2 a check failed or"
            + " the run failed."})
final class VerifyCommand implements Callable<Integer> {

    static final String TAYLOR_PNG = "taylor-convergence.png";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        PrintWriter out = spec.commandLine().getOut();
        Job job = config.load();
        Integer launched = RanksLaunch.ifAsked(config, job, spec);
        if (launched != null) {
            return launched;
        }
        try (OutputDirectory dir = job.printing() ? OutputDirectory.prepare(job.output().directory(), job.output().overwrite())
                : null;
             GradientRun run = GradientRun.open(job, job.progress(spec.commandLine().getErr()), false, out)) {
            AdjointDriver driver = run.driver();
            List<VerificationCheck> checks = VerificationPlan.checks(job.model(), job.configuration(), driver,
                    job.communicator());
            if (job.printing()) {
                out.println("verify " + job.header());
                out.println();
                out.printf(Locale.ROOT, "  %-36s %-58s %s%n", "check", "result", "verdict");
            }
            List<CheckResult> results = new ArrayList<>();
            for (VerificationCheck check : checks) {
                CheckResult r = check.run();
                results.add(r);
                if (job.printing()) {
                    out.printf(Locale.ROOT, "  %-36s %-58s %s%n", r.name(), r.summary(), r.passed() ? "PASS" : "FAIL");
                    out.flush();
                }
            }
            long passed = results.stream().filter(CheckResult::passed).count();
            boolean all = passed == results.size();
            run.succeeded();
            if (job.printing()) {
                List<String> files = write(dir, job, results, started);
                dir.commit();
                out.println();
                out.printf(Locale.ROOT, "VERDICT: %s (%d of %d checks passed)%n", all ? "PASS" : "FAIL", passed,
                        results.size());
                out.println("outputs in " + dir.target() + ": " + String.join(", ", files));
            }
            return all ? Adjoint4jCommand.OK : Adjoint4jCommand.FAILURE;
        }
    }

    private static List<String> write(OutputDirectory dir, Job job, List<CheckResult> results, Instant started)
            throws IOException {
        List<String> files = new ArrayList<>();
        files.add(RunCommand.REPORT);
        List<TaylorConvergencePlot.Series> series = new ArrayList<>();
        double value = Double.NaN;
        for (CheckResult r : results) {
            if (r instanceof CheckResult.Taylor t) {
                TaylorResult tr = t.result();
                value = tr.value();
                String order = Double.isNaN(tr.order()) ? "no order" : String.format(Locale.ROOT, "order %.3f", tr.order());
                series.add(new TaylorConvergencePlot.Series(t.direction() + " (" + order + ")", tr.h(), tr.remainders(),
                        tr.used()));
            }
        }
        if (job.output().plots() && !series.isEmpty()) {
            TaylorConvergencePlot.write(dir.staging().resolve(TAYLOR_PNG), "Taylor test \u2014 " + job.model().description(),
                    series);
            files.add(TAYLOR_PNG);
        }
        JsonReport report = new JsonReport("verify", BuildVersion.adjoint4j(), started, job.configuration(), job.model(),
                job.scheduleSpec(), job.communicator().size());
        if (!Double.isNaN(value)) {
            report.objective(job.model().objectiveInfo(), value);
        }
        report.verification(results);
        report.files(files);
        report.write(dir.staging().resolve(RunCommand.REPORT), Instant.now());
        return files;
    }
}
