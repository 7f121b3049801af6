package org.adjoint4j.mpi;

/** Element-wise reduction applied by {@link Communicator#allreduce(double, ReduceOp)}. */
public enum ReduceOp {
    /** Sum over ranks. */
    SUM,
    /** Maximum over ranks (NaN wins, so a non-finite value on any rank is not hidden). */
    MAX,
    /** Minimum over ranks (NaN wins). */
    MIN;

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
