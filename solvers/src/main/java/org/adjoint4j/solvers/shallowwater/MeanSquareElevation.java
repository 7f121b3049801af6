package org.adjoint4j.solvers.shallowwater;

import java.util.Objects;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.Objective;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Decomposition2d;

/**
 * The mean squared elevation over a rectangle of cells at the final step,
 * J = (1/N)·Σ<sub>(i,j) in the region</sub> η<sub>ij</sub>², N the number of cells in the region: a
 * quantity of interest such as the wave energy reaching a stretch of coast. Each rank sums the cells
 * of the region it owns.
 */
public final class MeanSquareElevation implements Objective {

    private static final String FIELD = "eta";

    private final int i0;
    private final int i1;
    private final int j0;
    private final int j1;
    private final double weight;
    private final String region;

    private MeanSquareElevation(int i0, int i1, int j0, int j1, long cells, String region) {
        this.i0 = i0;
        this.i1 = i1;
        this.j0 = j0;
        this.j1 = j1;
        this.weight = 1.0 / cells;
        this.region = region;
    }

    /**
     * The mean over global cells [iStart, iEnd) × [jStart, jEnd), seen from {@code rank}.
     *
     * @param decomposition the grid and its split over the ranks
     * @param rank          the rank whose block the objective sums over, 0 ≤ rank &lt; number of ranks
     * @param iStart        first global cell in x, at least 0
     * @param iEnd          end in x (exclusive), above {@code iStart} and at most the grid's cells in x
     * @param jStart        first global cell in y, at least 0
     * @param jEnd          end in y (exclusive), above {@code jStart} and at most the grid's cells in y
     * @return the objective of {@code rank}: its value is that rank's share of J, the sum over its owned
     *         cells of the region divided by the region's total cell count
     * @throws NullPointerException if {@code decomposition} is null
     * @throws IllegalArgumentException naming the bounds if the region is empty or leaves the grid
     */
    public static MeanSquareElevation overCells(Decomposition2d decomposition, int rank, int iStart, int iEnd, int jStart,
                                                int jEnd) {
        Objects.requireNonNull(decomposition, "decomposition");
        if (iStart < 0 || iEnd > decomposition.nx() || iStart >= iEnd || jStart < 0 || jEnd > decomposition.ny()
                || jStart >= jEnd) {
            throw new IllegalArgumentException("region cells [" + iStart + ", " + iEnd + ") x [" + jStart + ", " + jEnd
                    + ") must be non-empty and within the " + decomposition.nx() + "x" + decomposition.ny() + " grid");
        }
        Block b = decomposition.block(rank);
        int localI0 = Math.max(iStart - b.offsetX(), 0);
        int localI1 = Math.min(iEnd - b.offsetX(), b.nx());
        int localJ0 = Math.max(jStart - b.offsetY(), 0);
        int localJ1 = Math.min(jEnd - b.offsetY(), b.ny());
        long cells = (long) (iEnd - iStart) * (jEnd - jStart);
        return new MeanSquareElevation(localI0, localI1, localJ0, localJ1, cells,
                "[" + iStart + ", " + iEnd + ") x [" + jStart + ", " + jEnd + ")");
    }

    @Override
    public boolean observes(int n, boolean last) {
        return last;
    }

    @Override
    public double value(int n, boolean last, Fields u, Controls controls) {
        FieldSpec s = u.spec(u.layout().indexOf(FIELD));
        double[] eta = u.get(FIELD);
        double sum = 0;
        for (int j = j0; j < j1; j++) {
            for (int i = i0; i < i1; i++) {
                double e = eta[s.index(i, j)];
                sum += e * e;
            }
        }
        return weight * sum;
    }

    @Override
    public void gradient(int n, boolean last, Fields u, Controls controls, Fields adjoint, Controls gradient) {
        FieldSpec s = u.spec(u.layout().indexOf(FIELD));
        double[] eta = u.get(FIELD);
        double[] lambda = adjoint.get(FIELD);
        for (int j = j0; j < j1; j++) {
            for (int i = i0; i < i1; i++) {
                int k = s.index(i, j);
                lambda[k] += 2 * weight * eta[k];
            }
        }
    }

    @Override
    public void check(FieldLayout state, ControlLayout controls, int steps) {
        FieldSpec s = state.get(state.indexOf(FIELD));
        if (i1 > s.nx() || j1 > s.ny()) {
            throw new IllegalArgumentException("region " + region + ": this rank's part reaches cell (" + (i1 - 1) + ", "
                    + (j1 - 1) + ") of its " + s.nx() + "x" + s.ny() + " block of field '" + FIELD + "'");
        }
    }

    @Override
    public String toString() {
        return "mean squared elevation over cells " + region;
    }
}
