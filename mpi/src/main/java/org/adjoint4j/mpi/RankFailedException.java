package org.adjoint4j.mpi;

/** Another rank of the job failed or aborted while this rank waited for it. */
public final class RankFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The rank that failed first, or -1 when no rank failed (time limit or interrupted launcher). */
    private final int failedRank;

    /**
     * A failure of the job seen from a waiting rank.
     *
     * @param failedRank the rank that failed first, or -1 when the launcher ended the job (time limit)
     *                   or this rank was interrupted
     * @param message    says which rank and why
     */
    public RankFailedException(int failedRank, String message) {
        super(message);
        this.failedRank = failedRank;
    }

    /**
     * The rank that failed first.
     *
     * @return the rank that failed first, or -1 when no rank failed: the launcher ended the job (time
     *         limit) or this rank's thread was interrupted
     */
    public int failedRank() {
        return failedRank;
    }
}
