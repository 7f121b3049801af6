package org.adjoint4j.mpi;

/** A non-blocking send or receive in progress. */
public interface Request {

    /** Waits until the operation has completed. */
    void await();

    /** Waits for all requests, in order. */
    static void awaitAll(Request... requests) {
        for (Request r : requests) {
            r.await();
        }
    }
}
