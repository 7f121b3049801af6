package org.adjoint4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.HaloExchange;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.launch.RankProgram;

/**
 * Times, on every rank alike, a width-1 halo exchange of one N×N field split over the job's ranks in
 * x, its adjoint, and a raw sendrecv of the same message size with the same neighbour. Arguments:
 * output file, N, repetitions. Rank 0 writes "forward adjoint raw messageBytes" in microseconds
 * (medians of batches).
 */
public final class HaloExchangeJob implements RankProgram {
    /** Creates the program; each rank of a job instantiates it by name. */
    public HaloExchangeJob() {
    }

    private static final int BATCH = 50;

    @Override
    public void run(Communicator comm, String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        int repetitions = Integer.parseInt(args[2]);
        Decomposition2d d = Decomposition2d.of(n, n, ProcessGrid.of(comm.size(), 1, false, false));
        HaloExchange halo = HaloExchange.builder(comm, d).width(1).build();
        double[] field = new double[halo.fieldLength()];
        Arrays.fill(field, 1.0);
        int neighbour = comm.rank() == 0 ? 1 : comm.rank() - 1;
        double[] out = new double[n];
        double[] in = new double[n];
        int batches = Math.max(3, repetitions / BATCH);
        double[] forward = new double[batches];
        double[] adjoint = new double[batches];
        double[] raw = new double[batches];
        for (int warm = 0; warm < 2; warm++) {
            for (int b = 0; b < batches; b++) {
                comm.barrier();
                long t = System.nanoTime();
                for (int k = 0; k < BATCH; k++) {
                    halo.exchange(field);
                }
                forward[b] = (System.nanoTime() - t) / 1e3 / BATCH;
                comm.barrier();
                t = System.nanoTime();
                for (int k = 0; k < BATCH; k++) {
                    halo.adjoint(field);
                }
                adjoint[b] = (System.nanoTime() - t) / 1e3 / BATCH;
                comm.barrier();
                t = System.nanoTime();
                for (int k = 0; k < BATCH; k++) {
                    if (comm.size() > 1) {
                        comm.sendrecv(out, 0, n, neighbour, 1, in, 0, n, neighbour, 1);
                    }
                }
                raw[b] = (System.nanoTime() - t) / 1e3 / BATCH;
            }
        }
        if (comm.rank() == 0) {
            Files.writeString(Paths.get(args[0]), String.format(Locale.ROOT, "%.3f %.3f %.3f %d%n",
                    median(forward), median(adjoint), median(raw), n * Double.BYTES));
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
