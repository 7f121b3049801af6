package org.adjoint4j.mpi.mpj;

import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.launch.RankProgram;

/** Rank 0 waits for a message nobody sends. */
public final class HangingProbe implements RankProgram {

    @Override
    public void run(Communicator comm, String[] args) {
        if (comm.rank() == 0) {
            double[] x = new double[1];
            comm.receive(x, 0, 1, 1, 4242);
        }
    }
}
