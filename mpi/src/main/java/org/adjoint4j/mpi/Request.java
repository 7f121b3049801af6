package org.adjoint4j.mpi;

/** A non-blocking send or receive in progress. */
public interface Request {

    /**
     * Waits until the operation has completed: a send's data may then be reused, a receive's data
     * read. Returns at once if it already has.
     *
     * @throws RankFailedException if another rank failed while this call waited (in-process ranks)
     */
    void await();

    /**
     * Waits for all requests, in order.
     *
     * @param requests the requests to complete; none may be null
     * @throws RankFailedException if another rank failed while this call waited (in-process ranks)
     */
    static void awaitAll(Request... requests) {
        for (Request r : requests) {
            r.await();
        }
    }
}
