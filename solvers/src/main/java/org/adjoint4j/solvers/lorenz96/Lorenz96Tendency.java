package org.adjoint4j.solvers.lorenz96;

/**
 * The Lorenz-96 tendency f(y)<sub>k</sub> = (y<sub>k+1</sub> − y<sub>k−2</sub>)·y<sub>k−1</sub> − y<sub>k</sub> + F,
 * its tangent and its transpose, over the flat positions {@code [from, to)} of arrays with ghost cells
 * (position p holds variable k = p − ghost of the block; p−2, p−1 and p+1 must be valid positions).
 * The same arithmetic on every rank and block split, so the forward step is bit-identical for any
 * number of ranks.
 */
final class Lorenz96Tendency {

    private Lorenz96Tendency() {
    }

    /**
     * out = f(y).
     *
     * @param y   read at p−2 … p+1
     * @param out written at [from, to)
     */
    static void rates(int from, int to, double[] y, double forcing, double[] out) {
        for (int p = from; p < to; p++) {
            out[p] = (y[p + 1] - y[p - 2]) * y[p - 1] - y[p] + forcing;
        }
    }

    /**
     * out = f'(y)·dy + dF, the tangent of {@link #rates} in the direction (dy, dF).
     *
     * @param y   read at p−2 … p+1
     * @param dy  read at p−2 … p+1
     * @param out written at [from, to)
     */
    static void tangentRates(int from, int to, double[] y, double[] dy, double forcingDirection, double[] out) {
        for (int p = from; p < to; p++) {
            out[p] = (dy[p + 1] - dy[p - 2]) * y[p - 1] + (y[p + 1] - y[p - 2]) * dy[p - 1] - dy[p] + forcingDirection;
        }
    }

    /**
     * out += f'(y)<sup>T</sup>·mu, restricted to the rows [from, to) of f'(y): each mu<sub>p</sub> is
     * scattered to the four positions p−2 … p+1 that f<sub>p</sub> depends on, ghost positions included
     * (their sums belong to the neighbouring ranks).
     *
     * @param y   read at p−2 … p+1
     * @param mu  read at [from, to)
     * @param out accumulated into at p−2 … p+1
     * @return Σ mu<sub>p</sub> over [from, to), the transpose of the forcing's tangent (∂f/∂F = 1)
     */
    static double addTransposeRates(int from, int to, double[] y, double[] mu, double[] out) {
        double forcing = 0;
        for (int p = from; p < to; p++) {
            double m = mu[p];
            double a = y[p - 1] * m;
            out[p + 1] += a;
            out[p - 2] -= a;
            out[p - 1] += (y[p + 1] - y[p - 2]) * m;
            out[p] -= m;
            forcing += m;
        }
        return forcing;
    }
}
