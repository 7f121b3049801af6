package org.adjoint4j.mpi;

/**
 * Thrown on the rank that called {@link Communicator#abort} in backends where ranks are not separate
 * processes; the launcher turns it into the job's exit code.
 */
public final class JobAbortedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int rank;
    private final int exitCode;

    /**
     * @param rank     the rank that aborted
     * @param exitCode the exit code asked for
     * @param reason   why
     */
    public JobAbortedException(int rank, int exitCode, String reason) {
        super("rank " + rank + " aborted the job (exit code " + exitCode + "): " + reason);
        this.rank = rank;
        this.exitCode = exitCode;
    }

    /** The rank that aborted. */
    public int rank() {
        return rank;
    }

    /** The exit code asked for. */
    public int exitCode() {
        return exitCode;
    }
}
