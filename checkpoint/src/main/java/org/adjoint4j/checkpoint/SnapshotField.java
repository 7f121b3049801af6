package org.adjoint4j.checkpoint;

import java.util.Objects;

/**
 * One field of a snapshot: its name and the extents of the values stored, which are the owned
 * cells of one rank (ghost cells are never stored). Values are ordered with x fastest:
 * {@code index = j·nx + i}; on disk the dataset shape is {@code [ny, nx]}.
 *
 * @param name field name, unique within a layout
 * @param nx   extent in x, at least 1
 * @param ny   extent in y, at least 1 (1 for one-dimensional fields)
 */
public record SnapshotField(String name, int nx, int ny) {

    /**
     * Checks the name and the extents.
     *
     * @param name field name, not {@code null} or blank
     * @param nx   extent in x, at least 1
     * @param ny   extent in y, at least 1
     * @throws NullPointerException     if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank, an extent is below 1, or
     *         {@code nx·ny} values would not fit in one Java array
     */
    public SnapshotField {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("field name must not be blank");
        }
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("field '" + name + "': nx and ny must be >= 1, were nx=" + nx + ", ny=" + ny);
        }
        if ((long) nx * ny > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("field '" + name + "': nx*ny = " + (long) nx * ny + " values exceed a Java array");
        }
    }

    /**
     * Number of stored values, {@code nx·ny}.
     *
     * @return the length of the array that {@link Snapshottable#pack} fills for this field
     */
    public int length() {
        return nx * ny;
    }
}
