package org.adjoint4j.solvers.heat;

import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.HaloExchange;

/**
 * One rank's block of the unit square shared by the heat2d steppers: which of its edges lie on the
 * square's boundary, the halo exchange of width 1, and what the boundary conditions do there (u = 0
 * outside the square; a boundary face's diffusivity is its one cell's κ).
 */
final class SquareBlock {

    /** A loop of a kernel over a rectangle [i0, i1) × [j0, j1) of owned cells. */
    @FunctionalInterface
    interface RectangleLoop {
        void run(int i0, int i1, int j0, int j1, double[] a, double[] b, double[] c);
    }

    final int nx;
    final int ny;
    final int offsetX;
    final int offsetY;
    final FieldSpec cells;
    final HaloExchange halo;
    private final boolean westEdge;
    private final boolean eastEdge;
    private final boolean southEdge;
    private final boolean northEdge;

    SquareBlock(Communicator comm, Decomposition2d decomposition) {
        int n = decomposition.nx();
        Block b = decomposition.block(comm.rank());
        this.nx = b.nx();
        this.ny = b.ny();
        this.offsetX = b.offsetX();
        this.offsetY = b.offsetY();
        this.westEdge = b.offsetX() == 0;
        this.eastEdge = b.offsetX() + b.nx() == n;
        this.southEdge = b.offsetY() == 0;
        this.northEdge = b.offsetY() + b.ny() == n;
        this.cells = FieldSpec.of("u", nx, ny, 1);
        this.halo = HaloExchange.builder(comm, decomposition).width(1).ghost(1).build();
    }

    /** Sets the ghost cells outside the square to zero (u = 0 there, and so λ = 0). */
    void zeroOutsideGhosts(double[] a) {
        for (int i = -1; i <= nx; i++) {
            if (southEdge) {
                a[cells.index(i, -1)] = 0;
            }
            if (northEdge) {
                a[cells.index(i, ny)] = 0;
            }
        }
        for (int j = -1; j <= ny; j++) {
            if (westEdge) {
                a[cells.index(-1, j)] = 0;
            }
            if (eastEdge) {
                a[cells.index(nx, j)] = 0;
            }
        }
    }

    /**
     * Fills κ's ghost cells: the neighbours' values inside the square, the adjacent cell's value on its
     * boundary, so that a boundary face's mean is that cell's κ. Collective.
     */
    void fillKappaGhosts(double[] k) {
        halo.exchange(k);
        for (int i = 0; i < nx; i++) {
            if (southEdge) {
                k[cells.index(i, -1)] = k[cells.index(i, 0)];
            }
            if (northEdge) {
                k[cells.index(i, ny)] = k[cells.index(i, ny - 1)];
            }
        }
        for (int j = 0; j < ny; j++) {
            if (westEdge) {
                k[cells.index(-1, j)] = k[cells.index(0, j)];
            }
            if (eastEdge) {
                k[cells.index(nx, j)] = k[cells.index(nx - 1, j)];
            }
        }
    }

    /**
     * Completes the κ gradient on the square's boundary: a boundary face's coefficient is its one cell's
     * κ, so that cell takes the whole face term, −half·u·λ, where the kernel's face products gave it half.
     *
     * @param g accumulated into
     */
    void addBoundaryFaceTerms(double half, double[] u, double[] lam, double[] g) {
        for (int i = 0; i < nx; i++) {
            if (southEdge) {
                int k = cells.index(i, 0);
                g[k] -= half * u[k] * lam[k];
            }
            if (northEdge) {
                int k = cells.index(i, ny - 1);
                g[k] -= half * u[k] * lam[k];
            }
        }
        for (int j = 0; j < ny; j++) {
            if (westEdge) {
                int k = cells.index(0, j);
                g[k] -= half * u[k] * lam[k];
            }
            if (eastEdge) {
                int k = cells.index(nx - 1, j);
                g[k] -= half * u[k] * lam[k];
            }
        }
    }

    /**
     * Runs {@code loop} over the cells of the first and last rows and columns, the ones that read the
     * exchanged ghosts, each cell once; the interior [1, nx−1) × [1, ny−1) is left to the caller, to
     * overlap with the halo exchange.
     */
    void edges(RectangleLoop loop, double[] a, double[] b, double[] c) {
        loop.run(0, nx, 0, 1, a, b, c);
        if (ny > 1) {
            loop.run(0, nx, ny - 1, ny, a, b, c);
        }
        if (ny > 2) {
            loop.run(0, 1, 1, ny - 1, a, b, c);
            if (nx > 1) {
                loop.run(nx - 1, nx, 1, ny - 1, a, b, c);
            }
        }
    }
}
