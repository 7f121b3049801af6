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

    /** Global cells in x. */
    public int nx() {
        return nx;
    }

    /** Global cells in y. */
    public int ny() {
        return ny;
    }

    /** The process grid. */
    public ProcessGrid grid() {
        return grid;
    }

    /** The block owned by {@code rank}. */
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

    /** The rank that owns global cell {@code (i, j)}. */
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
     * @param local this rank's owned cells, x fastest (not modified)
     * @return on the root, the global field ({@code nx·ny} values, x fastest); {@code null} elsewhere
     */
    public double[] gather(Communicator comm, double[] local, int root) {
        checkComm(comm);
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
     * @param global on the root, {@code nx·ny} values x fastest (not modified); ignored elsewhere
     * @return this rank's owned cells, x fastest
     */
    public double[] scatter(Communicator comm, double[] global, int root) {
        checkComm(comm);
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
