package org.adjoint4j.examples.cli;

import java.io.PrintWriter;
import org.adjoint4j.examples.cli.model.ModelRegistry;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.launch.RankProgram;

/**
 * One rank of {@code adjoint4j run} or {@code verify} on several ranks: runs the same command line
 * as the user's, with this rank's communicator. Started by the launcher of the chosen device; the
 * configuration was validated before any rank started. A failure propagates, so the launcher names
 * the rank and the cause; a failed verification ends the job with exit code 2.
 */
public final class CliRankProgram implements RankProgram {

    private final PrintWriter out;
    private final PrintWriter err;
    private final ModelRegistry registry;

    /** A rank in its own JVM (or class loader): the standard models, output to the standard streams. */
    public CliRankProgram() {
        this(new PrintWriter(System.out, true), new PrintWriter(System.err, true), ModelRegistry.standard());
    }

    /** A rank in the launching JVM: its models, printing (from rank 0 only) where the launching command prints. */
    CliRankProgram(PrintWriter out, PrintWriter err, ModelRegistry registry) {
        this.out = out;
        this.err = err;
        this.registry = registry;
    }

    @Override
    public void run(Communicator comm, String[] args) {
        int code = Adjoint4jCommand.executeOnRank(comm, registry, out, err, args);
        if (code != Adjoint4jCommand.OK) {
            comm.abort(code, "the command ended with exit code " + code);
        }
    }
}
