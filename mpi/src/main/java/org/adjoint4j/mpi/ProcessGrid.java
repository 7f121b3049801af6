package org.adjoint4j.mpi;

/**
 * A two-dimensional Cartesian arrangement of {@code px × py} ranks, periodic or not in each
 * direction. Rank {@code r} sits at {@code (r mod px, r div px)}. Dimensions are chosen by
 * {@link #balanced} (MPJ Express's own Dims_create is wrong for some rank counts, so it is not used).
 */
public final class ProcessGrid {

    private final int px;
    private final int py;
    private final boolean periodicX;
    private final boolean periodicY;

    private ProcessGrid(int px, int py, boolean periodicX, boolean periodicY) {
        this.px = px;
        this.py = py;
        this.periodicX = periodicX;
        this.periodicY = periodicY;
    }

    /**
     * A grid of the given dimensions.
     *
     * @param px        ranks in x, {@code >= 1}
     * @param py        ranks in y, {@code >= 1}
     * @param periodicX whether the ranks at {@code x = px-1} and {@code x = 0} are neighbours
     * @param periodicY whether the ranks at {@code y = py-1} and {@code y = 0} are neighbours
     * @return the {@code px × py} grid
     * @throws IllegalArgumentException if a dimension is below 1
     */
    public static ProcessGrid of(int px, int py, boolean periodicX, boolean periodicY) {
        if (px < 1 || py < 1) {
            throw new IllegalArgumentException("process grid dimensions must be >= 1, were px=" + px + ", py=" + py);
        }
        return new ProcessGrid(px, py, periodicX, periodicY);
    }

    /**
     * The {@code px × py = ranks} grid that minimises the halo length per rank of an
     * {@code nx × ny} grid, i.e. {@code nx/px + ny/py}; ties go to the larger {@code px}.
     *
     * @param ranks     number of ranks, {@code >= 1}
     * @param nx        global cells in x (only their ratio to {@code ny} matters)
     * @param ny        global cells in y
     * @param periodicX whether x wraps around
     * @param periodicY whether y wraps around
     * @return a grid with {@code px·py = ranks}; a {@code Decomposition2d} over it still needs
     *         {@code nx >= px} and {@code ny >= py}
     * @throws IllegalArgumentException if {@code ranks < 1}
     */
    public static ProcessGrid balanced(int ranks, int nx, int ny, boolean periodicX, boolean periodicY) {
        if (ranks < 1) {
            throw new IllegalArgumentException("ranks must be >= 1, was " + ranks);
        }
        int bestPx = ranks;
        double best = Double.MAX_VALUE;
        for (int p = 1; p <= ranks; p++) {
            if (ranks % p == 0) {
                double halo = (double) nx / p + (double) ny / (ranks / p);
                if (halo <= best) {
                    best = halo;
                    bestPx = p;
                }
            }
        }
        return new ProcessGrid(bestPx, ranks / bestPx, periodicX, periodicY);
    }

    /**
     * Ranks in x.
     *
     * @return {@code px >= 1}
     */
    public int px() {
        return px;
    }

    /**
     * Ranks in y.
     *
     * @return {@code py >= 1}
     */
    public int py() {
        return py;
    }

    /**
     * Number of ranks, {@code px·py}.
     *
     * @return {@code px·py}, the communicator size this grid needs
     */
    public int size() {
        return px * py;
    }

    /**
     * Whether x wraps around.
     *
     * @return true if the ranks at {@code x = px-1} and {@code x = 0} are neighbours
     */
    public boolean periodicX() {
        return periodicX;
    }

    /**
     * Whether y wraps around.
     *
     * @return true if the ranks at {@code y = py-1} and {@code y = 0} are neighbours
     */
    public boolean periodicY() {
        return periodicY;
    }

    /**
     * The x coordinate of {@code rank}.
     *
     * @param rank the rank, {@code 0 <= rank < size()}
     * @return {@code rank mod px}, in {@code [0, px)}
     * @throws IllegalArgumentException if {@code rank} is outside {@code [0, size())}
     */
    public int coordX(int rank) {
        checkRank(rank);
        return rank % px;
    }

    /**
     * The y coordinate of {@code rank}.
     *
     * @param rank the rank, {@code 0 <= rank < size()}
     * @return {@code rank div px}, in {@code [0, py)}
     * @throws IllegalArgumentException if {@code rank} is outside {@code [0, size())}
     */
    public int coordY(int rank) {
        checkRank(rank);
        return rank / px;
    }

    /**
     * The rank at offset {@code (dx, dy)} from {@code rank}, wrapping in periodic directions, or
     * {@link Communicator#NO_RANK} beyond a non-periodic edge.
     *
     * @param rank the rank, {@code 0 <= rank < size()}
     * @param dx   offset in x, in ranks (any sign; e.g. -1 for the west neighbour)
     * @param dy   offset in y, in ranks (any sign; e.g. +1 for the north neighbour)
     * @return the neighbour's rank, which is {@code rank} itself for a periodic direction with a single
     *         rank; or {@link Communicator#NO_RANK}
     * @throws IllegalArgumentException if {@code rank} is outside {@code [0, size())}
     */
    public int neighbour(int rank, int dx, int dy) {
        int x = coordX(rank) + dx;
        int y = coordY(rank) + dy;
        if (x < 0 || x >= px) {
            if (!periodicX) {
                return Communicator.NO_RANK;
            }
            x = Math.floorMod(x, px);
        }
        if (y < 0 || y >= py) {
            if (!periodicY) {
                return Communicator.NO_RANK;
            }
            y = Math.floorMod(y, py);
        }
        return y * px + x;
    }

    private void checkRank(int rank) {
        if (rank < 0 || rank >= px * py) {
            throw new IllegalArgumentException("rank must be in [0, " + px * py + "), was " + rank);
        }
    }

    @Override
    public String toString() {
        return px + "x" + py + (periodicX || periodicY ? " (periodic" + (periodicX ? " x" : "") + (periodicY ? " y" : "") + ")" : "");
    }
}
