package org.adjoint4j.solvers.linear;

import java.util.Arrays;
import java.util.Objects;
import org.adjoint4j.adjoint.FieldSpec;

/**
 * The Jacobi preconditioner z = D<sup>−1</sup>·r, D the diagonal of the operator. Local to each rank
 * (no communication), symmetric and positive for a positive diagonal, so conjugate gradients stay
 * valid; it removes the scaling of the rows by a spatially varying coefficient. Set up with
 * {@link #setDiagonal}, then applied any number of times.
 */
public final class JacobiPreconditioner implements LinearOperator {

    private final FieldSpec layout;
    private final double[] inverse;

    /**
     * A preconditioner for fields of {@code layout}; the diagonal is 1 until set.
     *
     * @param layout this rank's block: the arrays passed to {@link #setDiagonal} and {@link #apply} are
     *               laid out as it says, ghost cells included; only owned cells are used
     * @throws NullPointerException if {@code layout} is null
     */
    public JacobiPreconditioner(FieldSpec layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.inverse = new double[layout.storedLength()];
        Arrays.fill(inverse, 1.0);
    }

    /**
     * Sets D.
     *
     * @param diagonal owned cells read, not modified: the operator's diagonal, finite and positive
     * @throws IllegalArgumentException naming the first cell whose value is not finite and positive; the
     *                                  previous diagonal is then kept
     */
    public void setDiagonal(double[] diagonal) {
        if (diagonal.length != layout.storedLength()) {
            throw new IllegalArgumentException("diagonal: expected " + layout.storedLength() + " values, got "
                    + diagonal.length);
        }
        // checked before anything is set, so that a refused diagonal leaves the previous one whole
        for (int j = 0; j < layout.ny(); j++) {
            for (int i = 0; i < layout.nx(); i++) {
                double d = diagonal[layout.index(i, j)];
                if (!(d > 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("diagonal must be finite and > 0, was " + d + " at cell (" + i
                            + ", " + j + ")");
                }
            }
        }
        for (int j = 0; j < layout.ny(); j++) {
            for (int i = 0; i < layout.nx(); i++) {
                int k = layout.index(i, j);
                inverse[k] = 1.0 / diagonal[k];
            }
        }
    }

    /**
     * z = D<sup>−1</sup>·r.
     *
     * @param r owned cells read
     * @param z owned cells written
     */
    @Override
    public void apply(double[] r, double[] z) {
        int nx = layout.nx();
        for (int j = 0; j < layout.ny(); j++) {
            int row = layout.index(0, j);
            for (int k = row; k < row + nx; k++) {
                z[k] = inverse[k] * r[k];
            }
        }
    }
}
