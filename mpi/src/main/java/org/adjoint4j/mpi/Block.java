package org.adjoint4j.mpi;

/**
 * The cells a rank owns: {@code nx × ny} cells starting at global cell {@code (offsetX, offsetY)}.
 *
 * @param offsetX global x index of the first owned cell
 * @param offsetY global y index of the first owned cell
 * @param nx      owned cells in x
 * @param ny      owned cells in y
 */
public record Block(int offsetX, int offsetY, int nx, int ny) {

    /**
     * Number of owned cells.
     *
     * @return {@code nx·ny}, the length of a field over this block without ghost cells
     */
    public int cells() {
        return nx * ny;
    }
}
