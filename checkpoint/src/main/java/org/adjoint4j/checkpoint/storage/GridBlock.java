package org.adjoint4j.checkpoint.storage;

/**
 * Where one rank's block lies in the global grid, recorded with each snapshot so that the files of
 * all ranks can be put together again. Counted in cells of the global grid; x is the fast index.
 *
 * @param offsetX  global x index of the block's first owned cell, at least 0
 * @param offsetY  global y index of the block's first owned cell, at least 0
 * @param globalNx cells of the global grid in x, greater than {@code offsetX}
 * @param globalNy cells of the global grid in y, greater than {@code offsetY} (1 for one-dimensional grids)
 */
public record GridBlock(int offsetX, int offsetY, int globalNx, int globalNy) {

    /**
     * Checks that the block starts inside the global grid.
     *
     * @param offsetX  global x index of the block's first owned cell, at least 0
     * @param offsetY  global y index of the block's first owned cell, at least 0
     * @param globalNx cells of the global grid in x, greater than {@code offsetX}
     * @param globalNy cells of the global grid in y, greater than {@code offsetY}
     * @throws IllegalArgumentException if an offset is negative or not inside the global grid
     */
    public GridBlock {
        if (offsetX < 0 || offsetY < 0) {
            throw new IllegalArgumentException("grid block offsets must be >= 0, were offsetX=" + offsetX + ", offsetY="
                    + offsetY);
        }
        if (globalNx <= offsetX || globalNy <= offsetY) {
            throw new IllegalArgumentException("grid block must start inside the global grid, was offset (" + offsetX
                    + ", " + offsetY + ") in a grid of " + globalNx + " x " + globalNy);
        }
    }
}
