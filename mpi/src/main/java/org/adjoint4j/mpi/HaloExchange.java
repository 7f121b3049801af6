package org.adjoint4j.mpi;

import java.util.Objects;

/**
 * Fills the ghost cells of this rank's fields with copies of the neighbours' owned cells (the forward
 * exchange), and its exact transpose (the adjoint exchange): ghost values travel back to the rank that
 * owns the cell, are added there, and the ghosts are zeroed.
 *
 * <p>Fields are flat {@code double[]} arrays over this rank's {@link Block} with {@code ghost} ghost
 * layers in x and {@code ghostRows} (by default {@code ghost}) in y, x fastest: cell {@code (i, j)} is at
 * {@code (j + ghostRows)·(nx + 2·ghost) + i + ghost}.
 * The exchange fills {@code width <= ghost} layers. Several fields travel in one message per direction.
 * One-dimensional fields (one row of cells, no ghost rows, as a {@code FieldSpec} with {@code ghostY = 0}
 * stores them) are exchanged in x only: see {@link Builder#ghostRows(int)}.
 *
 * <p>Without corners the x and y exchanges are independent and overlap. With corners they run one
 * after the other, x then y, the y pass carrying the x ghosts; the adjoint then runs y then x, which is
 * the transpose. Ghost cells at a non-periodic edge of the process grid are left alone by both (the
 * stepper owns those boundary values). A periodic neighbour that is this rank itself is served by a
 * local copy.
 *
 * <p>Usage, overlapping the exchange with interior work:
 * <pre>
 * halo.start(u);      // posts the messages
 * ... compute cells that need no ghost ...
 * halo.finish();      // ghosts are filled
 * </pre>
 * One exchange may be in flight at a time. Buffers are allocated on first use and reused; not
 * thread-safe.
 */
public final class HaloExchange {

    private static final int TAG_EAST = 7201;
    private static final int TAG_WEST = 7202;
    private static final int TAG_NORTH = 7203;
    private static final int TAG_SOUTH = 7204;
    private static final int ADJOINT_TAG_OFFSET = 10;

    private final Communicator comm;
    private final int nx;
    private final int ny;
    private final int ghost;
    private final int ghostRows;
    private final int width;
    private final boolean corners;
    private final int stride;
    private final int west;
    private final int east;
    private final int south;
    private final int north;

    // message buffers [direction]: 0 west, 1 east, 2 south, 3 north
    private double[][] sendBuffers = new double[4][0];
    private double[][] receiveBuffers = new double[4][0];
    private final Request[] sends = new Request[4];
    private final Request[] receives = new Request[4];
    private final double[][] single = new double[1][];
    private double[][] inFlight;

    private HaloExchange(Builder b) {
        this.comm = b.comm;
        Decomposition2d d = b.decomposition;
        Block block = d.block(comm.rank());
        this.nx = block.nx();
        this.ny = block.ny();
        this.ghost = b.ghost;
        this.ghostRows = b.ghostRows;
        this.width = b.width;
        this.corners = b.corners;
        this.stride = nx + 2 * ghost;
        ProcessGrid g = d.grid();
        int r = comm.rank();
        this.west = g.neighbour(r, -1, 0);
        this.east = g.neighbour(r, 1, 0);
        this.south = g.neighbour(r, 0, -1);
        this.north = g.neighbour(r, 0, 1);
    }

    /**
     * An exchange for this rank's block of {@code decomposition}.
     *
     * @param comm          the job's ranks; its size must match the decomposition's process grid
     * @param decomposition how the global grid is split; this rank's block gives the field shape
     * @return a builder with width 1, ghost layers equal to the width and no corners
     * @throws NullPointerException if {@code comm} or {@code decomposition} is null
     */
    public static Builder builder(Communicator comm, Decomposition2d decomposition) {
        return new Builder(comm, decomposition);
    }

    /**
     * Length of a field array: {@code (nx + 2·ghost)·(ny + 2·ghostRows)}.
     *
     * @return the length every field passed to this exchange must have, with {@code nx × ny} this
     *         rank's block
     */
    public int fieldLength() {
        return stride * (ny + 2 * ghostRows);
    }

    /**
     * Fills the ghosts of one field; see {@link #exchange(double[][])}.
     *
     * @param field owned cells read; ghost cells within {@code width} of an edge with a neighbour written
     * @throws IllegalArgumentException if {@code field} is null or not {@link #fieldLength()} long
     * @throws IllegalStateException    if an exchange is already in flight
     */
    public void exchange(double[] field) {
        start(field);
        finish();
    }

    /**
     * Fills the ghost layers of every field from the neighbours' owned cells. A collective call with
     * the neighbours.
     *
     * @param fields owned cells read; ghost cells within {@code width} of an edge with a neighbour written
     * @throws IllegalArgumentException if a field is null or not {@link #fieldLength()} long
     * @throws IllegalStateException    if an exchange is already in flight
     */
    public void exchange(double[][] fields) {
        start(fields);
        finish();
    }

    /**
     * Starts the exchange of one field; see {@link #start(double[][])}.
     *
     * @param field owned cells read; its ghost cells are written by {@link #finish()}
     * @throws IllegalArgumentException if {@code field} is null or not {@link #fieldLength()} long
     * @throws IllegalStateException    if an exchange is already in flight
     */
    public void start(double[] field) {
        // Checked before single[0] is overwritten: it may be the field of the exchange in flight.
        requireIdle("an exchange is already in flight: call finish() first");
        single[0] = field;
        start(single);
    }

    /**
     * Starts the exchange: posts the messages (the x pass only, with corners). The owned cells that are
     * sent must not change until {@link #finish()}; the ghost cells must not be read.
     *
     * @param fields the fields, each {@link #fieldLength()} long; the array and the fields are kept
     *               until {@link #finish()}
     * @throws IllegalArgumentException if a field is null or not {@link #fieldLength()} long
     * @throws IllegalStateException    if an exchange is already in flight
     */
    public void start(double[][] fields) {
        requireIdle("an exchange is already in flight: call finish() first");
        checkFields(fields);
        inFlight = fields;
        startX(fields, false);
        if (!corners && ghostRows > 0) {
            startY(fields, false, 0, nx);
        }
    }

    /**
     * Completes the exchange started by {@link #start}: the ghost cells are filled on return.
     *
     * @throws IllegalStateException if no exchange is in flight
     */
    public void finish() {
        if (inFlight == null) {
            throw new IllegalStateException("no exchange in flight: call start() first");
        }
        double[][] fields = inFlight;
        inFlight = null;
        finishX(fields, false);
        if (ghostRows == 0) {
            single[0] = null;
            return;
        }
        if (corners) {
            startY(fields, false, -width, nx + width);
            finishY(fields, false, -width, nx + width);
        } else {
            finishY(fields, false, 0, nx);
        }
        single[0] = null;
    }

    /**
     * The adjoint exchange of one field; see {@link #adjoint(double[][])}.
     *
     * @param field owned cells accumulated into; the exchanged ghost cells are zeroed
     * @throws IllegalArgumentException if {@code field} is null or not {@link #fieldLength()} long
     * @throws IllegalStateException    if an exchange is in flight
     */
    public void adjoint(double[] field) {
        requireIdle("an exchange is in flight: call finish() first");
        single[0] = field;
        adjoint(single);
        single[0] = null;
    }

    /**
     * The transpose of {@link #exchange(double[][])}: every ghost value written by the exchange is
     * sent back to the cell it was copied from and added there, and the ghost is set to zero. A
     * collective call with the neighbours.
     *
     * @param fields owned cells accumulated into; the exchanged ghost cells are zeroed
     * @throws IllegalArgumentException if a field is null or not {@link #fieldLength()} long
     * @throws IllegalStateException    if an exchange is in flight
     */
    public void adjoint(double[][] fields) {
        requireIdle("an exchange is in flight: call finish() first");
        checkFields(fields);
        if (ghostRows == 0) {
            startX(fields, true);
            finishX(fields, true);
        } else if (corners) {
            startY(fields, true, -width, nx + width);
            finishY(fields, true, -width, nx + width);
            startX(fields, true);
            finishX(fields, true);
        } else {
            startX(fields, true);
            startY(fields, true, 0, nx);
            finishX(fields, true);
            finishY(fields, true, 0, nx);
        }
    }

    // ---- x pass: rows 0..ny-1, columns [-width, 0) and [nx, nx + width) -------------------------

    private void startX(double[][] fields, boolean adjoint) {
        int count = fields.length * width * ny;
        int tagOffset = adjoint ? ADJOINT_TAG_OFFSET : 0;
        // Forward: my west columns go west (into the west rank's east ghosts), my east columns go east.
        // Adjoint: my west ghosts go west (added to its east columns), my east ghosts go east.
        int westColumn = adjoint ? -width : 0;
        int eastColumn = adjoint ? nx : nx - width;
        if (west == comm.rank() || east == comm.rank()) {
            return; // periodic with a single rank in x: served locally in finishX
        }
        post(0, west, TAG_WEST + tagOffset, TAG_EAST + tagOffset, count, fields, westColumn, width, 0, ny, adjoint);
        post(1, east, TAG_EAST + tagOffset, TAG_WEST + tagOffset, count, fields, eastColumn, width, 0, ny, adjoint);
    }

    private void finishX(double[][] fields, boolean adjoint) {
        if (west == comm.rank() || east == comm.rank()) {
            selfX(fields, adjoint);
            return;
        }
        complete(0, west, fields, adjoint ? 0 : -width, width, 0, ny, adjoint);
        complete(1, east, fields, adjoint ? nx - width : nx, width, 0, ny, adjoint);
    }

    private void selfX(double[][] fields, boolean adjoint) {
        for (double[] f : fields) {
            for (int j = 0; j < ny; j++) {
                int row = (j + ghostRows) * stride + ghost;
                for (int k = 0; k < width; k++) {
                    int westGhost = row - width + k;
                    int eastGhost = row + nx + k;
                    int eastOwned = row + nx - width + k;
                    int westOwned = row + k;
                    if (adjoint) {
                        f[eastOwned] += f[westGhost];
                        f[westOwned] += f[eastGhost];
                        f[westGhost] = 0;
                        f[eastGhost] = 0;
                    } else {
                        f[westGhost] = f[eastOwned];
                        f[eastGhost] = f[westOwned];
                    }
                }
            }
        }
    }

    // ---- y pass: columns [from, to), rows [-width, 0) and [ny, ny + width) ---------------------------

    private void startY(double[][] fields, boolean adjoint, int from, int to) {
        int count = fields.length * width * (to - from);
        int tagOffset = adjoint ? ADJOINT_TAG_OFFSET : 0;
        int southRow = adjoint ? -width : 0;
        int northRow = adjoint ? ny : ny - width;
        if (south == comm.rank() || north == comm.rank()) {
            return;
        }
        post(2, south, TAG_SOUTH + tagOffset, TAG_NORTH + tagOffset, count, fields, from, to - from, southRow, width, adjoint);
        post(3, north, TAG_NORTH + tagOffset, TAG_SOUTH + tagOffset, count, fields, from, to - from, northRow, width, adjoint);
    }

    private void finishY(double[][] fields, boolean adjoint, int from, int to) {
        if (south == comm.rank() || north == comm.rank()) {
            selfY(fields, adjoint, from, to);
            return;
        }
        complete(2, south, fields, from, to - from, adjoint ? 0 : -width, width, adjoint);
        complete(3, north, fields, from, to - from, adjoint ? ny - width : ny, width, adjoint);
    }

    private void selfY(double[][] fields, boolean adjoint, int from, int to) {
        for (double[] f : fields) {
            for (int k = 0; k < width; k++) {
                int southGhost = (ghostRows - width + k) * stride + ghost;
                int northGhost = (ghostRows + ny + k) * stride + ghost;
                int northOwned = (ghostRows + ny - width + k) * stride + ghost;
                int southOwned = (ghostRows + k) * stride + ghost;
                for (int i = from; i < to; i++) {
                    if (adjoint) {
                        f[northOwned + i] += f[southGhost + i];
                        f[southOwned + i] += f[northGhost + i];
                        f[southGhost + i] = 0;
                        f[northGhost + i] = 0;
                    } else {
                        f[southGhost + i] = f[northOwned + i];
                        f[northGhost + i] = f[southOwned + i];
                    }
                }
            }
        }
    }

    // ---- messages --------------------------------------------------------------------------------

    /**
     * Packs the rectangle (columns i0.., rows j0..) of every field and posts send and receive. The
     * adjoint sends ghosts, which it then zeroes: here, while they are in cache, rather than in a
     * second strided pass.
     */
    private void post(int dir, int neighbour, int sendTag, int receiveTag, int count, double[][] fields,
                      int i0, int columns, int j0, int rows, boolean zeroSent) {
        if (neighbour == Communicator.NO_RANK) {
            sends[dir] = null;
            receives[dir] = null;
            return;
        }
        if (sendBuffers[dir].length < count) {
            sendBuffers[dir] = new double[count];
            receiveBuffers[dir] = new double[count];
        }
        double[] buffer = sendBuffers[dir];
        int p = 0;
        for (double[] f : fields) {
            for (int j = j0; j < j0 + rows; j++) {
                int start = (j + ghostRows) * stride + i0 + ghost;
                System.arraycopy(f, start, buffer, p, columns);
                if (zeroSent) {
                    for (int i = start; i < start + columns; i++) {
                        f[i] = 0.0;
                    }
                }
                p += columns;
            }
        }
        receives[dir] = comm.receiveAsync(receiveBuffers[dir], 0, count, neighbour, receiveTag);
        sends[dir] = comm.sendAsync(buffer, 0, count, neighbour, sendTag);
    }

    /** Waits for direction {@code dir} and copies (or adds) the received rectangle into the fields. */
    private void complete(int dir, int neighbour, double[][] fields, int i0, int columns, int j0, int rows, boolean add) {
        if (neighbour == Communicator.NO_RANK) {
            return;
        }
        receives[dir].await();
        double[] buffer = receiveBuffers[dir];
        int p = 0;
        for (double[] f : fields) {
            for (int j = j0; j < j0 + rows; j++) {
                int start = (j + ghostRows) * stride + i0 + ghost;
                if (add) {
                    for (int i = 0; i < columns; i++) {
                        f[start + i] += buffer[p + i];
                    }
                } else {
                    System.arraycopy(buffer, p, f, start, columns);
                }
                p += columns;
            }
        }
        sends[dir].await();
        sends[dir] = null;
        receives[dir] = null;
    }

    private void requireIdle(String message) {
        if (inFlight != null) {
            throw new IllegalStateException(message);
        }
    }

    private void checkFields(double[][] fields) {
        int length = fieldLength();
        for (int k = 0; k < fields.length; k++) {
            if (fields[k] == null || fields[k].length != length) {
                throw new IllegalArgumentException("field " + k + ": expected " + length + " values ("
                        + nx + "x" + ny + " cells with " + ghost + " ghost columns and " + ghostRows + " ghost rows), got "
                        + (fields[k] == null ? "null" : fields[k].length));
            }
        }
    }

    /** Collects the settings of a {@link HaloExchange}. */
    public static final class Builder {
        private final Communicator comm;
        private final Decomposition2d decomposition;
        private int width = 1;
        private int ghost = -1;
        private int ghostRows = -1;
        private boolean corners;

        private Builder(Communicator comm, Decomposition2d decomposition) {
            this.comm = Objects.requireNonNull(comm, "comm");
            this.decomposition = Objects.requireNonNull(decomposition, "decomposition");
        }

        /**
         * Ghost layers to fill (default 1).
         *
         * @param width layers filled on each side with a neighbour, {@code >= 1}; at most the ghost
         *              layers and each block's cells in a direction
         * @return this builder
         * @throws IllegalArgumentException if {@code width < 1}
         */
        public Builder width(int width) {
            if (width < 1) {
                throw new IllegalArgumentException("width must be >= 1, was " + width);
            }
            this.width = width;
            return this;
        }

        /**
         * Ghost layers of the field arrays (default: the width).
         *
         * @param ghost ghost columns on each side of the field arrays, {@code >= 1}; also the ghost rows
         *              unless {@link #ghostRows(int)} says otherwise
         * @return this builder
         * @throws IllegalArgumentException if {@code ghost < 1}
         */
        public Builder ghost(int ghost) {
            if (ghost < 1) {
                throw new IllegalArgumentException("ghost must be >= 1, was " + ghost);
            }
            this.ghost = ghost;
            return this;
        }

        /**
         * Ghost rows of the field arrays (default: the ghost layers). 0 for one-dimensional fields,
         * which have a single row of cells and are then exchanged in x only; that needs a process
         * grid with one row of ranks, not periodic in y.
         *
         * @param ghostRows ghost rows below and above the owned cells, {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code ghostRows < 0}
         */
        public Builder ghostRows(int ghostRows) {
            if (ghostRows < 0) {
                throw new IllegalArgumentException("ghostRows must be >= 0, was " + ghostRows);
            }
            this.ghostRows = ghostRows;
            return this;
        }

        /**
         * Whether to fill the corner ghost cells too (default false).
         *
         * @param corners true to fill the corners as well (the x and y passes then run one after the
         *                other); needed by stencils that read diagonal neighbours
         * @return this builder
         */
        public Builder corners(boolean corners) {
            this.corners = corners;
            return this;
        }

        /**
         * The exchange.
         *
         * @return an exchange for this rank's block; it allocates its buffers on first use
         * @throws IllegalArgumentException if the communicator does not match the decomposition, the
         *         width exceeds the ghost layers or rows, or a block is narrower than the width, or fields
         *         without ghost rows would need a y exchange
         */
        public HaloExchange build() {
            if (comm.size() != decomposition.grid().size()) {
                throw new IllegalArgumentException("communicator has " + comm.size() + " ranks, the process grid "
                        + decomposition.grid() + " has " + decomposition.grid().size());
            }
            if (ghost < 0) {
                ghost = width;
            }
            if (ghostRows < 0) {
                ghostRows = ghost;
            }
            if (width > ghost) {
                throw new IllegalArgumentException("width " + width + " exceeds the " + ghost + " ghost layers");
            }
            ProcessGrid g = decomposition.grid();
            if (ghostRows == 0 && (g.py() > 1 || g.periodicY())) {
                throw new IllegalArgumentException("fields without ghost rows are exchanged in x only: the process grid"
                        + " must have one row of ranks and not be periodic in y, was " + g);
            }
            if (ghostRows > 0 && width > ghostRows) {
                throw new IllegalArgumentException("width " + width + " exceeds the " + ghostRows + " ghost rows");
            }
            for (int r = 0; r < comm.size(); r++) {
                Block b = decomposition.block(r);
                if (b.nx() < width || ghostRows > 0 && b.ny() < width) {
                    throw new IllegalArgumentException("rank " + r + " owns " + b.nx() + "x" + b.ny()
                            + " cells, fewer than the halo width " + width + " in a direction");
                }
            }
            return new HaloExchange(this);
        }
    }
}
