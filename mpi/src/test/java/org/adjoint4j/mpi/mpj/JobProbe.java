package org.adjoint4j.mpi.mpj;

import java.nio.file.Files;
import java.nio.file.Paths;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.HaloExchange;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.launch.RankProgram;

/**
 * A job for the launcher tests. Arguments: output file, failing rank (-1 for none), failure point
 * ("start", "late" or "exit"). Rank 0 writes "size sum checksum" to the output file, where checksum is
 * the sum of all ghost values after a periodic halo exchange (independent of how the job ran).
 */
public final class JobProbe implements RankProgram {

    @Override
    public void run(Communicator comm, String[] args) throws Exception {
        int failing = Integer.parseInt(args[1]);
        String point = args[2];
        if (comm.rank() == failing && point.equals("start")) {
            throw new IllegalStateException("probe failure at start");
        }
        double sum = comm.allreduce(comm.rank() + 1, ReduceOp.SUM);
        Decomposition2d d = Decomposition2d.of(9, 7, ProcessGrid.balanced(comm.size(), 9, 7, true, true));
        HaloExchange halo = HaloExchange.builder(comm, d).width(1).corners(true).build();
        double[] f = new double[halo.fieldLength()];
        var b = d.block(comm.rank());
        int stride = b.nx() + 2;
        for (int j = 0; j < b.ny(); j++) {
            for (int i = 0; i < b.nx(); i++) {
                f[(j + 1) * stride + i + 1] = (b.offsetY() + j) * 100 + b.offsetX() + i;
            }
        }
        halo.exchange(f);
        double ghosts = 0;
        for (int j = -1; j <= b.ny(); j++) {
            for (int i = -1; i <= b.nx(); i++) {
                if (i < 0 || j < 0 || i >= b.nx() || j >= b.ny()) {
                    ghosts += f[(j + 1) * stride + i + 1];
                }
            }
        }
        double checksum = comm.allreduce(ghosts, ReduceOp.SUM);
        if (comm.rank() == failing && point.equals("late")) {
            throw new IllegalStateException("probe failure after communicating");
        }
        if (comm.rank() == failing && point.equals("exit")) {
            Runtime.getRuntime().halt(3);
        }
        comm.barrier();
        if (comm.rank() == 0) {
            Files.writeString(Paths.get(args[0]), comm.size() + " " + sum + " " + checksum);
        }
    }
}
