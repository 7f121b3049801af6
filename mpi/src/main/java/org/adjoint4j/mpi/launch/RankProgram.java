package org.adjoint4j.mpi.launch;

import org.adjoint4j.mpi.Communicator;

/**
 * What every rank of a job runs. Implementations have a public no-argument constructor (the process
 * launchers create them by class name in each rank's JVM) and keep per-rank state inside {@link #run}.
 */
@FunctionalInterface
public interface RankProgram {

    /**
     * Runs this rank's part of the job. Throwing ends the whole job with a failure naming this rank.
     *
     * @param comm the job's ranks
     * @param args the job's arguments, the same on every rank
     * @throws Exception anything: the launcher reports it as this rank's failure and ends the job
     */
    void run(Communicator comm, String[] args) throws Exception;
}
