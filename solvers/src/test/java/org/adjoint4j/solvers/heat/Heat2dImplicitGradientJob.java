package org.adjoint4j.solvers.heat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.launch.RankProgram;

/**
 * An implicit heat2d gradient as a job. Arguments: output file, N, T, snapshots. Rank 0 writes J, then
 * dJ/dκ and dJ/du0 gathered over all cells, then the solver's total iterations, as doubles.
 */
public final class Heat2dImplicitGradientJob implements RankProgram {

    @Override
    public void run(Communicator comm, String[] args) throws IOException {
        int n = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        int snapshots = Integer.parseInt(args[3]);
        Heat2dImplicitProblem p = Heat2dImplicitProblem.builder().cells(n).steps(steps).communicator(comm).build();
        GradientResult r = p.driver(BinomialSchedule.of(steps, snapshots)).gradient(p.initialControls());
        double[] kappa = p.decomposition().gather(comm, r.gradient().fields().owned(0), 0);
        double[] u0 = p.decomposition().gather(comm, r.gradient().fields().owned(1), 0);
        if (comm.rank() == 0) {
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Paths.get(args[0])))) {
                out.writeDouble(r.value());
                for (double v : kappa) {
                    out.writeDouble(v);
                }
                for (double v : u0) {
                    out.writeDouble(v);
                }
                out.writeDouble(p.stepper().solver().totalIterations());
            }
        }
    }
}
