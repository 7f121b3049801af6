package org.adjoint4j.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.examples.cli.output.ControlNorm;
import org.adjoint4j.solvers.heat.Heat2dProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Computes the heat2d gradient with checkpointing and verifies it with a Taylor test. */
@Command(name = "heat2d", mixinStandardHelpOptions = true,
        description = {"Gradient of the heat2d problem with respect to the diffusivity kappa and the initial condition u0,"
            + " with binomial checkpointing, verified by a Taylor test. Exit code 2 if the Taylor test fails."})
final class Heat2dCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cells", defaultValue = "128", paramLabel = "N", description = "Cells per side (default ${DEFAULT-VALUE}).")
    private int cells;

    @Option(names = "--steps", defaultValue = "2000", paramLabel = "T", description = "Time steps (default ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--snapshots", defaultValue = "20", paramLabel = "S",
            description = "Memory snapshot slots for binomial checkpointing, u0's included (default ${DEFAULT-VALUE}).")
    private int snapshots;

    @Option(names = "--store-all", description = "Keep every state in memory instead of checkpointing.")
    private boolean storeAll;

    @Option(names = "--taylor", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the Taylor test (default on).")
    private boolean taylor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Heat2dProblem problem = Heat2dProblem.builder().cells(cells).steps(steps).build();
        Schedule schedule = storeAll ? StoreAllSchedule.of(steps) : BinomialSchedule.of(steps, snapshots);
        AdjointDriver driver = problem.driver(schedule);
        Controls m = problem.initialControls();

        out.printf(Locale.ROOT, "heat2d: N=%d, T=%d, dt=%.4e, schedule %s, 1 rank%n%n", cells, steps,
                problem.stepper().dt(), schedule);
        GradientResult r = driver.gradient(m);
        StatisticsReport.printGradient(out, "J", r.value(), ControlNorm.of(r.gradient(), driver.communicator()));
        out.println();
        out.println("schedule statistics");
        StatisticsReport.print(out, r.statistics());
        if (!taylor) {
            return Adjoint4jCommand.OK;
        }
        out.println();
        TaylorResult t = TaylorTest.builder(driver).at(m).build().run();
        out.println(t.toString().replace("Taylor test:", "Taylor test (seeded random direction in kappa and u0):"));
        out.println(t.passed() ? "VERDICT: PASS" : "VERDICT: FAIL");
        return t.passed() ? Adjoint4jCommand.OK : Adjoint4jCommand.FAILURE;
    }
}
