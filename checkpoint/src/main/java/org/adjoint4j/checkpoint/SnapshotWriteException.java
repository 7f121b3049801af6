package org.adjoint4j.checkpoint;

import java.nio.file.Path;

/**
 * A snapshot could not be made durable: its file could not be created, written, synchronised to
 * the disk or renamed (the disk filled up, the directory disappeared, an I/O error). A disk tier
 * that writes in the background raises it at the next call after the failure; the snapshot is then
 * not held, and no part of it is ever restored.
 */
public final class SnapshotWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file being written, as a string (a {@link Path} is not serializable). */
    private final String file;
    /** What went wrong, as given to the constructor. */
    private final String problem;
    /** The step of the snapshot. */
    private final int step;
    /** The rank that stored the snapshot. */
    private final int rank;

    /**
     * Describes a snapshot that could not be made durable.
     *
     * @param file    the file being written
     * @param step    the step of the snapshot
     * @param rank    the rank that stored it
     * @param problem what went wrong, for the message
     * @param cause   the underlying error, or null
     * @throws NullPointerException if {@code file} is {@code null}
     */
    public SnapshotWriteException(Path file, int step, int rank, String problem, Throwable cause) {
        super("snapshot of step " + step + " on rank " + rank + " could not be written: " + problem + " (file " + file
                + ")", cause);
        this.file = file.toString();
        this.problem = problem;
        this.step = step;
        this.rank = rank;
    }

    /**
     * The file being written.
     *
     * @return the path of the file as given to the constructor
     */
    public Path file() {
        return Path.of(file);
    }

    /**
     * What went wrong, as given to the constructor.
     *
     * @return the description of the problem, without the file, step and rank
     */
    public String problem() {
        return problem;
    }

    /**
     * The step of the snapshot.
     *
     * @return the step of the snapshot that was being written (or removed)
     */
    public int step() {
        return step;
    }

    /**
     * The rank that stored the snapshot.
     *
     * @return the rank of the store that raised this exception
     */
    public int rank() {
        return rank;
    }
}
