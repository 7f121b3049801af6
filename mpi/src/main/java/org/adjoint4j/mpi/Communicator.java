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

    /**
     * This rank's number, {@code 0 <= rank() < size()}.
     *
     * @return this rank's number, the same for the whole run
     */
    int rank();

    /**
     * Number of ranks.
     *
     * @return the number of ranks of the run, at least 1
     */
    int size();

    /**
     * Sends {@code data[offset .. offset+count)} to {@code destination}.
     *
     * @param data        not modified
     * @param offset      index in {@code data} of the first value sent
     * @param count       number of values sent, {@code >= 0}; must equal the matching receive's count
     * @param destination the receiving rank, {@code 0 <= destination < size()}, or {@link #NO_RANK}
     *                    (then nothing is sent)
     * @param tag         message tag, {@code >= 0}; the matching receive gives the same tag
     * @throws IndexOutOfBoundsException if the range lies outside {@code data} (backends that check)
     * @throws IllegalArgumentException  if {@code destination} is neither a rank of this run nor
     *                                   {@link #NO_RANK} (in-process ranks), or is not {@link #NO_RANK}
     *                                   (single rank)
     * @throws RankFailedException       if another rank failed while this call waited for the receive
     *                                   (in-process ranks)
     */
    void send(double[] data, int offset, int count, int destination, int tag);

    /**
     * Receives {@code count} values from {@code source} into {@code data[offset ..)}.
     *
     * @param data   modified: {@code data[offset .. offset+count)} is overwritten, the rest is untouched
     * @param offset index in {@code data} of the first value received
     * @param count  number of values received, {@code >= 0}; must equal the matching send's count
     * @param source the sending rank, {@code 0 <= source < size()}, or {@link #NO_RANK} (then nothing
     *               is received and {@code data} is left as it is)
     * @param tag    message tag, {@code >= 0}, as given by the matching send
     * @throws IndexOutOfBoundsException if the range lies outside {@code data} (backends that check)
     * @throws IllegalArgumentException  if {@code source} is neither a rank of this run nor
     *                                   {@link #NO_RANK} (in-process ranks), or is not {@link #NO_RANK}
     *                                   (single rank)
     * @throws RankFailedException       if another rank failed while this call waited (in-process ranks)
     */
    void receive(double[] data, int offset, int count, int source, int tag);

    /**
     * Starts sending; {@code data} must not be modified until the request completes.
     *
     * @param data        not modified; still read by the backend until the request completes
     * @param offset      index in {@code data} of the first value sent
     * @param count       number of values sent, {@code >= 0}; must equal the matching receive's count
     * @param destination the receiving rank, {@code 0 <= destination < size()}, or {@link #NO_RANK}
     *                    (then the returned request is already complete)
     * @param tag         message tag, {@code >= 0}; the matching receive gives the same tag
     * @return the send in progress; {@link Request#await()} it before reusing {@code data}
     * @throws IndexOutOfBoundsException if the range lies outside {@code data} (backends that check)
     * @throws IllegalArgumentException  if {@code destination} is neither a rank of this run nor
     *                                   {@link #NO_RANK} (in-process ranks), or is not {@link #NO_RANK}
     *                                   (single rank)
     */
    Request sendAsync(double[] data, int offset, int count, int destination, int tag);

    /**
     * Starts receiving; {@code data} must not be read until the request completes.
     *
     * @param data   modified on completion: {@code data[offset .. offset+count)} is overwritten
     * @param offset index in {@code data} of the first value received
     * @param count  number of values received, {@code >= 0}; must equal the matching send's count
     * @param source the sending rank, {@code 0 <= source < size()}, or {@link #NO_RANK} (then the
     *               returned request is already complete and {@code data} is left as it is)
     * @param tag    message tag, {@code >= 0}, as given by the matching send
     * @return the receive in progress; the values are in {@code data} once {@link Request#await()}
     *         returns
     * @throws IndexOutOfBoundsException if the range lies outside {@code data} (backends that check)
     * @throws IllegalArgumentException  if {@code source} is neither a rank of this run nor
     *                                   {@link #NO_RANK} (in-process ranks), or is not {@link #NO_RANK}
     *                                   (single rank)
     */
    Request receiveAsync(double[] data, int offset, int count, int source, int tag);

    /**
     * Sends to {@code destination} and receives from {@code source} at once, without deadlock.
     * Returns when both have completed. The send and receive ranges must not overlap.
     *
     * @param sendData      not modified
     * @param sendOffset    index in {@code sendData} of the first value sent
     * @param sendCount     number of values sent, {@code >= 0}
     * @param destination   the receiving rank, or {@link #NO_RANK} to send nothing
     * @param sendTag       tag of the message sent, {@code >= 0}
     * @param receiveData   modified: {@code receiveData[receiveOffset .. receiveOffset+receiveCount)}
     *                      is overwritten
     * @param receiveOffset index in {@code receiveData} of the first value received
     * @param receiveCount  number of values received, {@code >= 0}
     * @param source        the sending rank, or {@link #NO_RANK} to receive nothing
     * @param receiveTag    tag of the message received, {@code >= 0}
     * @throws RankFailedException if another rank failed while this call waited (in-process ranks)
     */
    default void sendrecv(double[] sendData, int sendOffset, int sendCount, int destination, int sendTag,
                          double[] receiveData, int receiveOffset, int receiveCount, int source, int receiveTag) {
        Request r = receiveAsync(receiveData, receiveOffset, receiveCount, source, receiveTag);
        Request s = sendAsync(sendData, sendOffset, sendCount, destination, sendTag);
        r.await();
        s.await();
    }

    /**
     * Reduces one value over all ranks and returns the result on every rank. A collective call.
     *
     * @param value this rank's contribution
     * @param op    the reduction, the same on every rank
     * @return the reduction of every rank's {@code value}, combined in rank order: the same on every rank
     * @throws NullPointerException if {@code op} is null
     * @throws RankFailedException  if another rank failed while this call waited (in-process ranks)
     */
    double allreduce(double value, ReduceOp op);

    /**
     * Reduces {@code data[offset .. offset+length)} element-wise over all ranks, in place. A collective
     * call.
     *
     * @param data   modified: holds the reduced values on every rank on return; elements outside the
     *               range are untouched
     * @param offset index in {@code data} of the first element reduced
     * @param length number of elements reduced, {@code >= 0}; the same on every rank
     * @param op     the reduction, the same on every rank
     * @throws NullPointerException      if {@code op} is null
     * @throws IndexOutOfBoundsException if the range lies outside {@code data}
     * @throws RankFailedException       if another rank failed while this call waited (in-process ranks)
     */
    void allreduce(double[] data, int offset, int length, ReduceOp op);

    /**
     * Copies {@code data[offset .. offset+length)} from {@code root} to every other rank. A collective call.
     *
     * @param data   read on the root, written on the other ranks (only the range)
     * @param offset index in {@code data} of the first value copied
     * @param length number of values copied, {@code >= 0}; the same on every rank
     * @param root   the rank whose values are copied, {@code 0 <= root < size()}; the same on every rank
     * @throws IllegalArgumentException if {@code root} is not a rank of this run (backends that check)
     * @throws RankFailedException      if another rank failed while this call waited (in-process ranks)
     */
    void broadcast(double[] data, int offset, int length, int root);

    /**
     * Returns once every rank has called it. A collective call.
     *
     * @throws RankFailedException if another rank failed while this call waited (in-process ranks)
     */
    void barrier();

    /**
     * Ends the whole job: every rank stops, the launcher exits with {@code exitCode}, and
     * {@code reason} is reported with this rank's number. Does not return.
     *
     * <p>Where ranks are separate processes (MPJ Express) this rank's JVM halts. Where they are not
     * (single rank, in-process ranks) the call throws {@link JobAbortedException}, which must be left
     * to propagate out of the rank's program so that the launcher can end the job.
     *
     * @param exitCode the job's exit code, normally non-zero
     * @param reason   why the job ends, for the report; a single line is best
     * @throws JobAbortedException always, in backends whose ranks are not separate processes
     */
    void abort(int exitCode, String reason);
}
