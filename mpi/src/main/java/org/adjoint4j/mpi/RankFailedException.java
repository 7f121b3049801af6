package org.adjoint4j.mpi;

/** Another rank of the job failed or aborted while this rank waited for it. */
public final class RankFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int failedRank;

    /**
     * @param failedRank the rank that failed first
     * @param message    says which rank and why
     */
    public RankFailedException(int failedRank, String message) {
        super(message);
        this.failedRank = failedRank;
    }

    /** The rank that failed first. */
    public int failedRank() {
        return failedRank;
    }
}
