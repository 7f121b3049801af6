package org.adjoint4j.checkpoint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A stored snapshot cannot be restored exactly: its file is missing, truncated or unreadable, a
 * dataset is missing or has another shape, its checksum does not match, or it belongs to another
 * step, rank or run. The message and the accessors name the file, the dataset, the step and the
 * rank. No value of such a snapshot is ever handed to the caller.
 */
public final class SnapshotCorruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The dataset name used for problems of the file as a whole (the root group). */
    public static final String WHOLE_FILE = "/";

    /** The snapshot file, as a string (a {@link Path} is not serializable). */
    private final String file;
    /** The dataset at fault, or {@link #WHOLE_FILE}. */
    private final String dataset;
    /** The step the snapshot should hold. */
    private final int step;
    /** The rank that stored the snapshot. */
    private final int rank;

    /**
     * Describes a snapshot that cannot be restored.
     *
     * @param file    the snapshot file
     * @param dataset the dataset at fault, such as {@code /u}, or {@link #WHOLE_FILE}
     * @param step    the step the snapshot should hold
     * @param rank    the rank that stored it
     * @param problem what is wrong, for the message
     * @param cause   the underlying error, or null
     * @throws NullPointerException if {@code file} or {@code dataset} is {@code null}
     */
    public SnapshotCorruptedException(Path file, String dataset, int step, int rank, String problem, Throwable cause) {
        super("snapshot of step " + step + " on rank " + rank + " cannot be restored: " + problem + " (file " + file
                + ", dataset " + dataset + ")", cause);
        this.file = file.toString();
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.step = step;
        this.rank = rank;
    }

    /**
     * The snapshot file.
     *
     * @return the path of the file as given to the constructor
     */
    public Path file() {
        return Path.of(file);
    }

    /**
     * The dataset at fault, or {@link #WHOLE_FILE} when the file as a whole is.
     *
     * @return the HDF5 path of the dataset, such as {@code /u}, never {@code null}
     */
    public String dataset() {
        return dataset;
    }

    /**
     * The step the snapshot should hold.
     *
     * @return the step asked for by the restore
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
