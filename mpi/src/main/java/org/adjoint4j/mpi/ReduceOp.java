package org.adjoint4j.mpi;

/** Element-wise reduction applied by {@link Communicator#allreduce(double, ReduceOp)}. */
public enum ReduceOp {
    /** Sum over ranks. */
    SUM,
    /** Maximum over ranks (NaN wins, so a non-finite value on any rank is not hidden). */
    MAX,
    /** Minimum over ranks (NaN wins). */
    MIN;

    /**
     * Reduces the ranks' contributions element-wise in rank order, so that every backend gives the
     * same result for the same rank count.
     *
     * @param contributions one row per rank, each at least {@code length} long (not modified)
     * @param out           written: {@code out[offset + k]} is the reduction of element {@code k}
     * @param offset        index in {@code out} of the first result
     * @param length        number of elements reduced, {@code >= 0}; elements of {@code out} outside
     *                      {@code [offset, offset+length)} are untouched
     * @throws ArrayIndexOutOfBoundsException if a row is shorter than {@code length}, {@code out} is
     *                                        shorter than {@code offset + length}, or
     *                                        {@code contributions} is empty while {@code length > 0}
     */
    public void reduce(double[][] contributions, double[] out, int offset, int length) {
        for (int k = 0; k < length; k++) {
            double v = contributions[0][k];
            for (int r = 1; r < contributions.length; r++) {
                v = apply(v, contributions[r][k]);
            }
            out[offset + k] = v;
        }
    }

    /**
     * Combines two values with this operation.
     *
     * @param a one value (in {@link #reduce}, the partial result of the lower ranks)
     * @param b the other value (in {@link #reduce}, the next rank's contribution)
     * @return {@code a + b} for {@link #SUM}, the larger for {@link #MAX}, the smaller for
     *         {@link #MIN}; NaN if either is NaN
     */
    public double apply(double a, double b) {
        switch (this) {
            case SUM: return a + b;
            case MAX: return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
            case MIN: return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
            default: throw new AssertionError(this);
        }
    }
}
