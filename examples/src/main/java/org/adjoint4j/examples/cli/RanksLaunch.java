package org.adjoint4j.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import org.adjoint4j.examples.cli.output.OutputDirectory;
import org.adjoint4j.examples.cli.parallel.Device;
import org.adjoint4j.examples.cli.parallel.RankLaunch;
import org.adjoint4j.mpi.launch.JobResult;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The step between validating a configuration and computing: when it asks for more than one rank,
 * the JVM the user started launches the ranks, each of which runs the same command line.
 */
final class RanksLaunch {

    private RanksLaunch() {
    }

    /**
     * Launches the ranks if the job asks for several and this JVM is not one of them.
     *
     * @return the command's exit code after the ranks ended, or {@code null} if this JVM computes itself
     */
    static Integer ifAsked(ConfigOptions config, Job job, CommandSpec spec) {
        if (config.onRank() || job.parallel().ranks() == 1) {
            return null;
        }
        // Fail on an unusable output location now, not after the computation.
        OutputDirectory.prepare(job.output().directory(), job.output().overwrite()).close();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliRankProgram program = job.parallel().device() == Device.THREADS ? new CliRankProgram(out, err, config.registry())
                : new CliRankProgram();
        out.flush();
        JobResult result = RankLaunch.run(job.parallel(), program, args);
        if (result.ok()) {
            return Adjoint4jCommand.OK;
        }
        err.println("adjoint4j: " + result.message().lines().findFirst().orElse("the job failed"));
        err.flush();
        return Adjoint4jCommand.FAILURE;
    }
}
