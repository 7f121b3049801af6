package org.adjoint4j.solvers.lorenz96;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.launch.RankProgram;

/**
 * A Lorenz-96 gradient as a job. Arguments: output file, K, T, snapshots. Rank 0 writes J, dJ/dF and
 * dJ/dx0 gathered over all variables, as doubles.
 */
public final class Lorenz96GradientJob implements RankProgram {

    @Override
    public void run(Communicator comm, String[] args) throws IOException {
        int variables = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        int snapshots = Integer.parseInt(args[3]);
        Lorenz96Problem p = Lorenz96Problem.builder().variables(variables).steps(steps).observeEvery(4)
                .observationStride(2).communicator(comm).build();
        GradientResult r = p.driver(BinomialSchedule.of(steps, snapshots)).gradient(p.initialControls());
        double[] x0 = p.decomposition().gather(comm, r.gradient().fields().owned(0), 0);
        if (comm.rank() == 0) {
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Paths.get(args[0])))) {
                out.writeDouble(r.value());
                out.writeDouble(r.gradient().scalar("F"));
                for (double v : x0) {
                    out.writeDouble(v);
                }
            }
        }
    }
}
