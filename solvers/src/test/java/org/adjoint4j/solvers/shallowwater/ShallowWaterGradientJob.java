package org.adjoint4j.solvers.shallowwater;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.launch.RankProgram;
import org.adjoint4j.solvers.shallowwater.ShallowWaterCases.Boundaries;

/**
 * Shallow-water gradients as a job: RK3 in a closed basin, then leapfrog on a doubly periodic domain.
 * Arguments: output file, Nx, Ny, T, snapshots. Rank 0 writes, for each, J and then every control
 * gradient and dJ/du0 gathered over all cells, as doubles.
 */
public final class ShallowWaterGradientJob implements RankProgram {

    @Override
    public void run(Communicator comm, String[] args) throws IOException {
        int nx = Integer.parseInt(args[1]);
        int ny = Integer.parseInt(args[2]);
        int steps = Integer.parseInt(args[3]);
        int snapshots = Integer.parseInt(args[4]);
        double[][][] results = new double[2][][];
        Object[][] runs = {{ShallowWaterIntegrator.RK3, Boundaries.WALLS}, {ShallowWaterIntegrator.LEAPFROG, Boundaries.PERIODIC}};
        for (int k = 0; k < runs.length; k++) {
            ShallowWaterProblem p = ShallowWaterCases.builder(nx, ny, steps, (ShallowWaterIntegrator) runs[k][0],
                    (Boundaries) runs[k][1]).communicator(comm).build();
            results[k] = ShallowWaterCases.gathered(p, p.driver(BinomialSchedule.of(steps, snapshots)).gradient(p.initialControls()));
        }
        if (comm.rank() == 0) {
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Paths.get(args[0])))) {
                for (double[][] result : results) {
                    for (double[] part : result) {
                        for (double v : part) {
                            out.writeDouble(v);
                        }
                    }
                }
            }
        }
    }
}
