package org.adjoint4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.launch.RankProgram;
import org.adjoint4j.solvers.heat.Heat2dProblem;

/**
 * Times a heat2d gradient on the job's ranks. Arguments: output file, N, T, snapshots, runs. One
 * warm-up run, then {@code runs} timed ones; rank 0 writes the median wall time in seconds (the
 * slowest rank's time of each run) and J.
 */
public final class Heat2dGradientJob implements RankProgram {
    /** Creates the program; each rank of a job instantiates it by name. */
    public Heat2dGradientJob() {
    }

    @Override
    public void run(Communicator comm, String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        int snapshots = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        Heat2dProblem p = Heat2dProblem.builder().cells(n).steps(steps).communicator(comm).build();
        AdjointDriver driver = p.driver(BinomialSchedule.of(steps, snapshots));
        Controls m = p.initialControls();
        double value = driver.gradient(m).value();
        double[] times = new double[runs];
        for (int r = 0; r < runs; r++) {
            comm.barrier();
            long t = System.nanoTime();
            driver.gradient(m);
            times[r] = comm.allreduce((System.nanoTime() - t) * 1e-9, ReduceOp.MAX);
        }
        if (comm.rank() == 0) {
            Files.writeString(Paths.get(args[0]), String.format(Locale.ROOT, "%.4f %.15e%n",
                    HaloExchangeJob.median(times), value));
        }
    }
}
