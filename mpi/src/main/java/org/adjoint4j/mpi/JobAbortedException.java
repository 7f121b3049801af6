package org.adjoint4j.mpi;

/**
 * Thrown on the rank that called {@link Communicator#abort} in backends where ranks are not separate
 * processes; the launcher turns it into the job's exit code.
 */
public final class JobAbortedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The rank that called {@link Communicator#abort}. */
    private final int rank;
    /** The exit code that rank asked the job to end with. */
    private final int exitCode;

    /**
     * An abort of the job by {@code rank}.
     *
     * @param rank     the rank that aborted
     * @param exitCode the exit code asked for
     * @param reason   why
     */
    public JobAbortedException(int rank, int exitCode, String reason) {
        super("rank " + rank + " aborted the job (exit code " + exitCode + "): " + reason);
        this.rank = rank;
        this.exitCode = exitCode;
    }

    /**
     * The rank that aborted.
     *
     * @return the rank that called {@link Communicator#abort}
     */
    public int rank() {
        return rank;
    }

    /**
     * The exit code asked for.
     *
     * @return the code passed to {@link Communicator#abort}; the launcher ends the job with it
     */
    public int exitCode() {
        return exitCode;
    }
}
