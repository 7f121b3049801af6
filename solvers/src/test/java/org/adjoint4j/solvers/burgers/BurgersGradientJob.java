package org.adjoint4j.solvers.burgers;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.launch.RankProgram;

/**
 * A burgers2d gradient as a job. Arguments: output file, N<sub>x</sub>, N<sub>y</sub>, T, snapshots.
 * Rank 0 writes J, dJ/du0, dJ/dv0, dJ/dforcing_u, dJ/dforcing_v (gathered over all cells) and dJ/dnu,
 * as doubles.
 */
public final class BurgersGradientJob implements RankProgram {

    @Override
    public void run(Communicator comm, String[] args) throws IOException {
        int nx = Integer.parseInt(args[1]);
        int ny = Integer.parseInt(args[2]);
        int steps = Integer.parseInt(args[3]);
        int snapshots = Integer.parseInt(args[4]);
        BurgersProblem p = BurgersProblem.builder().cells(nx, ny).steps(steps).energyAt(steps / 3).communicator(comm)
                .build();
        double[][] g = Burgers2dDistributedTest.gathered(p,
                p.driver(BinomialSchedule.of(steps, snapshots)).gradient(p.initialControls()));
        if (comm.rank() == 0) {
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Paths.get(args[0])))) {
                for (double[] part : g) {
                    for (double v : part) {
                        out.writeDouble(v);
                    }
                }
            }
        }
    }
}
