package org.adjoint4j.mpi;

/**
 * The ranks of one distributed run, as seen from one of them: what steppers and the adjoint driver
 * need from MPI.
 *
 * <p>Point-to-point calls take ranges of {@code double[]} arrays. {@link #NO_RANK} stands for "no
 * neighbour" (a non-periodic edge of the process grid): sending to it or receiving from it does
 * nothing. Messages between a pair of ranks with the same tag arrive in the order they were sent.
 * A blocking send may wait until the receive is posted (like MPI_Ssend): programs pair sends and
 * receives with {@link #sendrecv} or non-blocking calls.
 *
 * <p>Collective calls ({@code allreduce}, {@code broadcast}, {@code barrier}) must be made by all
 * ranks in the same order. Reductions are deterministic for a given rank count.
 *
 * <p>When another rank has failed, a call that waits for it throws {@link RankFailedException}
 * instead of hanging, in the backends that can tell (in-process ranks); the MPJ Express backends rely
 * on the launcher to end the job.
 */
public interface Communicator {

    /** The rank of "no neighbour": communication with it is a no-op. */
    int NO_RANK = -1;

    /** This rank's number, {@code 0 <= rank() < size()}. */
    int rank();

    /** Number of ranks. */
    int size();

    /**
     * Sends {@code data[offset .. offset+count)} to {@code destination}.
     *
     * @param data not modified
     */
    void send(double[] data, int offset, int count, int destination, int tag);

    /**
     * Receives {@code count} values from {@code source} into {@code data[offset ..)}.
     *
     * @param data modified
     */
    void receive(double[] data, int offset, int count, int source, int tag);

    /**
     * Starts sending; {@code data} must not be modified until the request completes.
     *
     * @param data not modified
     */
    Request sendAsync(double[] data, int offset, int count, int destination, int tag);

    /**
     * Starts receiving; {@code data} must not be read until the request completes.
     *
     * @param data modified on completion
     */
    Request receiveAsync(double[] data, int offset, int count, int source, int tag);

    /** Sends to {@code destination} and receives from {@code source} at once, without deadlock. */
    default void sendrecv(double[] sendData, int sendOffset, int sendCount, int destination, int sendTag,
                          double[] receiveData, int receiveOffset, int receiveCount, int source, int receiveTag) {
        Request r = receiveAsync(receiveData, receiveOffset, receiveCount, source, receiveTag);
        Request s = sendAsync(sendData, sendOffset, sendCount, destination, sendTag);
        r.await();
        s.await();
    }

    /**
     * Reduces one value over all ranks and returns the result on every rank.
     *
     * @param value this rank's contribution
     */
    double allreduce(double value, ReduceOp op);

    /**
     * Reduces {@code data[offset .. offset+length)} element-wise over all ranks, in place.
     *
     * @param data modified: holds the reduced values on every rank on return
     */
    void allreduce(double[] data, int offset, int length, ReduceOp op);

    /**
     * Copies {@code data[offset .. offset+length)} from {@code root} to every other rank.
     *
     * @param data read on the root, written on the other ranks
     */
    void broadcast(double[] data, int offset, int length, int root);

    /** Returns once every rank has called it. */
    void barrier();

    /**
     * Ends the whole job: every rank stops, the launcher exits with {@code exitCode}, and
     * {@code reason} is reported with this rank's number. Does not return.
     */
    void abort(int exitCode, String reason);
}
