package org.adjoint4j.mpi;

import java.util.Objects;

/**
 * A block decomposition of an {@code nx × ny} grid over a {@link ProcessGrid}: in each direction the
 * first {@code n mod p} ranks get one cell more than the others. Maps between local and global cell
 * indices, and gathers and scatters whole fields (owned cells, x fastest) to and from a root rank.
 */
public final class Decomposition2d {

    private final int nx;
    private final int ny;
    private final ProcessGrid grid;

    private Decomposition2d(int nx, int ny, ProcessGrid grid) {
        this.nx = nx;
        this.ny = ny;
        this.grid = grid;
    }

    /**
     * The decomposition of an {@code nx × ny} grid over {@code grid}.
     *
     * @param nx   global cells in x, {@code >= grid.px()}
     * @param ny   global cells in y, {@code >= grid.py()}
     * @param grid the process grid
     * @return the decomposition
     * @throws NullPointerException     if {@code grid} is null
     * @throws IllegalArgumentException if the grid has fewer cells than ranks in a direction
     */
    public static Decomposition2d of(int nx, int ny, ProcessGrid grid) {
        Objects.requireNonNull(grid, "grid");
        if (nx < grid.px() || ny < grid.py()) {
            throw new IllegalArgumentException("a " + nx + "x" + ny + " grid cannot be split over " + grid
                    + " ranks: every rank needs at least one cell in each direction");
        }
        return new Decomposition2d(nx, ny, grid);
    }

    /**
     * Global cells in x.
     *
     * @return the number of cells of the whole grid in x
     */
    public int nx() {
        return nx;
    }

    /**
     * Global cells in y.
     *
     * @return the number of cells of the whole grid in y
     */
    public int ny() {
        return ny;
    }

    /**
     * The process grid.
     *
     * @return the grid of ranks the cells are split over
     */
    public ProcessGrid grid() {
        return grid;
    }

    /**
     * The block owned by {@code rank}.
     *
     * @param rank the rank, {@code 0 <= rank < grid().size()}
     * @return its owned cells, at least one in each direction
     * @throws IllegalArgumentException if {@code rank} is outside {@code [0, grid().size())}
     */
    public Block block(int rank) {
        int cx = grid.coordX(rank);
        int cy = grid.coordY(rank);
        return new Block(start(nx, grid.px(), cx), start(ny, grid.py(), cy),
                start(nx, grid.px(), cx + 1) - start(nx, grid.px(), cx),
                start(ny, grid.py(), cy + 1) - start(ny, grid.py(), cy));
    }

    private static int start(int n, int p, int c) {
        int base = n / p;
        int extra = n % p;
        return c * base + Math.min(c, extra);
    }

    /**
     * The rank that owns global cell {@code (i, j)}.
     *
     * @param i global x index, {@code 0 <= i < nx()}
     * @param j global y index, {@code 0 <= j < ny()}
     * @return the owning rank, the one whose {@link #block} contains the cell
     * @throws IllegalArgumentException if the cell is outside the grid
     */
    public int owner(int i, int j) {
        if (i < 0 || i >= nx || j < 0 || j >= ny) {
            throw new IllegalArgumentException("cell (" + i + ", " + j + ") is outside the " + nx + "x" + ny + " grid");
        }
        return coordinate(j, ny, grid.py()) * grid.px() + coordinate(i, nx, grid.px());
    }

    private static int coordinate(int i, int n, int p) {
        int base = n / p;
        int extra = n % p;
        int big = extra * (base + 1);
        return i < big ? i / (base + 1) : extra + (i - big) / base;
    }

    /**
     * Gathers every rank's owned cells into one global array on {@code root}. A collective call.
     *
     * @param comm  the job's ranks; its size must be {@code grid().size()}
     * @param local this rank's owned cells, x fastest (not modified)
     * @param root  the rank that receives the global field, {@code 0 <= root < comm.size()}; the same on
     *              every rank
     * @return on the root, the global field ({@code nx·ny} values, x fastest); {@code null} elsewhere
     * @throws IllegalArgumentException if the communicator's size does not match the process grid,
     *                                  {@code root} is not a rank, or {@code local} is null or not
     *                                  {@code block(comm.rank()).cells()} long
     */
    public double[] gather(Communicator comm, double[] local, int root) {
        checkComm(comm);
        checkRoot(comm, root);
        Block mine = block(comm.rank());
        requireLength(local, mine.cells(), "local");
        if (comm.rank() != root) {
            comm.send(local, 0, local.length, root, GATHER_TAG);
            return null;
        }
        double[] global = new double[nx * ny];
        for (int r = 0; r < comm.size(); r++) {
            Block b = block(r);
            double[] part = r == root ? local : new double[b.cells()];
            if (r != root) {
                comm.receive(part, 0, part.length, r, GATHER_TAG);
            }
            for (int j = 0; j < b.ny(); j++) {
                System.arraycopy(part, j * b.nx(), global, (b.offsetY() + j) * nx + b.offsetX(), b.nx());
            }
        }
        return global;
    }

    /**
     * Scatters a global field from {@code root}: every rank receives its owned cells. A collective call.
     *
     * @param comm   the job's ranks; its size must be {@code grid().size()}
     * @param global on the root, {@code nx·ny} values x fastest (not modified); ignored elsewhere
     * @param root   the rank that holds the global field, {@code 0 <= root < comm.size()}; the same on
     *               every rank
     * @return this rank's owned cells, x fastest: a new array of {@code block(comm.rank()).cells()} values
     * @throws IllegalArgumentException if the communicator's size does not match the process grid,
     *                                  {@code root} is not a rank, or on the root, {@code global} is null
     *                                  or not {@code nx·ny} long
     */
    public double[] scatter(Communicator comm, double[] global, int root) {
        checkComm(comm);
        checkRoot(comm, root);
        Block mine = block(comm.rank());
        double[] local = new double[mine.cells()];
        if (comm.rank() != root) {
            comm.receive(local, 0, local.length, root, SCATTER_TAG);
            return local;
        }
        requireLength(global, nx * ny, "global");
        for (int r = 0; r < comm.size(); r++) {
            Block b = block(r);
            double[] part = r == root ? local : new double[b.cells()];
            for (int j = 0; j < b.ny(); j++) {
                System.arraycopy(global, (b.offsetY() + j) * nx + b.offsetX(), part, j * b.nx(), b.nx());
            }
            if (r != root) {
                comm.send(part, 0, part.length, r, SCATTER_TAG);
            }
        }
        return local;
    }

    private static final int GATHER_TAG = 7101;
    private static final int SCATTER_TAG = 7102;

    private static void checkRoot(Communicator comm, int root) {
        if (root < 0 || root >= comm.size()) {
            throw new IllegalArgumentException("root must be a rank, 0 <= root < " + comm.size() + ", was " + root);
        }
    }

    private void checkComm(Communicator comm) {
        if (comm.size() != grid.size()) {
            throw new IllegalArgumentException("communicator has " + comm.size() + " ranks, the process grid "
                    + grid + " has " + grid.size());
        }
    }

    private static void requireLength(double[] a, int expected, String name) {
        if (a == null || a.length != expected) {
            throw new IllegalArgumentException(name + ": expected " + expected + " values, got "
                    + (a == null ? "null" : a.length));
        }
    }

    @Override
    public String toString() {
        return nx + "x" + ny + " cells over " + grid;
    }
}
