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

    /** Combines two values with this operation. */
    public double apply(double a, double b) {
        switch (this) {
            case SUM: return a + b;
            case MAX: return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
            case MIN: return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
            default: throw new AssertionError(this);
        }
    }
}
