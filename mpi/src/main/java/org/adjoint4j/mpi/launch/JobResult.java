package org.adjoint4j.mpi.launch;

/**
 * How a job ended.
 *
 * @param exitCode   0 when every rank finished; otherwise the failing rank's code (1 for an exception,
 *                   the code given to abort) or {@link #TIMEOUT}
 * @param failedRank the rank that failed first, or -1
 * @param message    what happened, naming the rank and the cause; empty on success
 * @param cause      the failing rank's exception, when the job ran in this JVM; otherwise null
 */
public record JobResult(int exitCode, int failedRank, String message, Throwable cause) {

    /** Exit code of a job that ran out of time. */
    public static final int TIMEOUT = 124;

    /**
     * A job whose ranks all finished.
     *
     * @return exit code 0, no failed rank (-1), an empty message and no cause
     */
    public static JobResult success() {
        return new JobResult(0, -1, "", null);
    }

    /**
     * True if every rank finished.
     *
     * @return whether {@code exitCode} is 0
     */
    public boolean ok() {
        return exitCode == 0;
    }
}
