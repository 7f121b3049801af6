package org.adjoint4j.adjoint;

import java.util.Objects;

/**
 * One named field over this rank's block of a grid: {@code nx × ny} owned cells surrounded by
 * {@code ghostX} ghost columns and {@code ghostY} ghost rows on each side.
 *
 * <p>Storage is one flat {@code double[]} of {@link #storedLength()} values, x fastest: owned cell
 * {@code (i, j)}, {@code 0 <= i < nx}, {@code 0 <= j < ny}, is at {@link #index(int, int)}
 * {@code = (j + ghostY)·stride() + (i + ghostX)}; ghost cells have {@code i} or {@code j} outside the
 * owned range. One-dimensional fields have {@code ny = 1} and {@code ghostY = 0}.
 *
 * @param name   unique within a layout
 * @param nx     owned cells in x, at least 1
 * @param ny     owned cells in y, at least 1
 * @param ghostX ghost columns on each side, at least 0
 * @param ghostY ghost rows on each side, at least 0
 */
public record FieldSpec(String name, int nx, int ny, int ghostX, int ghostY) {

    /**
     * Checks the components.
     *
     * @param name   unique within a layout; not blank
     * @param nx     owned cells in x, at least 1
     * @param ny     owned cells in y, at least 1
     * @param ghostX ghost columns on each side, at least 0
     * @param ghostY ghost rows on each side, at least 0
     * @throws NullPointerException     if {@code name} is null
     * @throws IllegalArgumentException if the name is blank, a size or ghost width is out of range, or
     *                                  the cells with ghosts do not fit in one Java array
     */
    public FieldSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("field name must not be blank");
        }
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("field '" + name + "': nx and ny must be >= 1, were nx=" + nx + ", ny=" + ny);
        }
        if (ghostX < 0 || ghostY < 0) {
            throw new IllegalArgumentException("field '" + name + "': ghost widths must be >= 0, were ghostX=" + ghostX
                    + ", ghostY=" + ghostY);
        }
        if ((nx + 2L * ghostX) * (ny + 2L * ghostY) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("field '" + name + "': " + nx + "x" + ny + " cells with ghosts exceed a Java array");
        }
    }

    /**
     * A two-dimensional field with the same ghost width in x and y.
     *
     * @param name  unique within a layout; not blank
     * @param nx    owned cells in x, at least 1
     * @param ny    owned cells in y, at least 1
     * @param ghost ghost columns and ghost rows on each side, at least 0
     * @return the specification {@code (name, nx, ny, ghost, ghost)}
     * @throws IllegalArgumentException if the name is blank, a size or the ghost width is out of range,
     *                                  or the cells with ghosts do not fit in one Java array
     */
    public static FieldSpec of(String name, int nx, int ny, int ghost) {
        return new FieldSpec(name, nx, ny, ghost, ghost);
    }

    /**
     * Distance in the flat array between cells {@code (i, j)} and {@code (i, j+1)}.
     *
     * @return {@code nx + 2·ghostX}
     */
    public int stride() {
        return nx + 2 * ghostX;
    }

    /**
     * Length of the flat array, ghosts included.
     *
     * @return {@code stride()·(ny + 2·ghostY)}
     */
    public int storedLength() {
        return stride() * (ny + 2 * ghostY);
    }

    /**
     * Number of owned cells, {@code nx·ny}.
     *
     * @return the number of owned cells
     */
    public int ownedLength() {
        return nx * ny;
    }

    /**
     * Flat index of cell {@code (i, j)}; ghost cells have negative or {@code >= n} coordinates.
     *
     * @param i x coordinate, {@code -ghostX <= i < nx + ghostX}
     * @param j y coordinate, {@code -ghostY <= j < ny + ghostY}
     * @return the index into the field's flat array; not range-checked
     */
    public int index(int i, int j) {
        return (j + ghostY) * stride() + (i + ghostX);
    }

    /**
     * True if {@code other} stores the same cells (the name may differ).
     *
     * @param other the specification to compare with; not null
     * @return whether {@code nx}, {@code ny}, {@code ghostX} and {@code ghostY} all agree
     */
    public boolean sameShape(FieldSpec other) {
        return nx == other.nx && ny == other.ny && ghostX == other.ghostX && ghostY == other.ghostY;
    }
}
