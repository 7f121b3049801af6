package org.adjoint4j.adjoint.verify;

import java.util.Objects;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.HaloExchange;
import org.adjoint4j.mpi.ReduceOp;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The dot-product test of a halo exchange H and its adjoint: for seeded random x and y over every
 * cell of every field (ghosts included), ⟨Hx, y⟩ = ⟨x, H<sup>T</sup>y⟩ with sums over all cells of
 * all ranks, accumulated in compensated arithmetic. A collective call.
 */
public final class HaloDotProductTest {

    private HaloDotProductTest() {
    }

    /**
     * Runs the test on {@code fields} random fields.
     *
     * @param comm   the ranks of the exchange
     * @param halo   the exchange under test; it is applied to copies of x and y
     * @param fields how many fields of {@link HaloExchange#fieldLength()} values, at least 1
     * @param seed   seed of x and y (combined with the rank)
     * @return ⟨Hx, y⟩ as the tangent side and ⟨x, H<sup>T</sup>y⟩ as the adjoint side, the same on every rank
     * @throws NullPointerException     if {@code halo} is null
     * @throws IllegalArgumentException if {@code fields < 1}
     */
    public static DotProductResult run(Communicator comm, HaloExchange halo, int fields, long seed) {
        Objects.requireNonNull(halo, "halo");
        if (fields < 1) {
            throw new IllegalArgumentException("fields must be >= 1, was " + fields);
        }
        RandomGenerator random = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), comm.rank(), 0x4a10});
        double[][] x = new double[fields][halo.fieldLength()];
        double[][] y = new double[fields][halo.fieldLength()];
        for (int f = 0; f < fields; f++) {
            for (int k = 0; k < x[f].length; k++) {
                x[f][k] = 2 * random.nextDouble() - 1;
                y[f][k] = 2 * random.nextDouble() - 1;
            }
        }
        double[][] hx = copy(x);
        halo.exchange(hx);
        double[][] hty = copy(y);
        halo.adjoint(hty);
        return new DotProductResult(globalDot(comm, hx, y), globalDot(comm, x, hty));
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int f = 0; f < a.length; f++) {
            c[f] = a[f].clone();
        }
        return c;
    }

    /** Σ a·b over all ranks, compensated so that its own rounding stays far below the tolerance. */
    private static double globalDot(Communicator comm, double[][] a, double[][] b) {
        CompensatedSum local = new CompensatedSum();
        for (int f = 0; f < a.length; f++) {
            for (int k = 0; k < a[f].length; k++) {
                local.addProduct(a[f][k], b[f][k]);
            }
        }
        double[] parts = new double[2 * comm.size()];
        parts[2 * comm.rank()] = local.high();
        parts[2 * comm.rank() + 1] = local.low();
        comm.allreduce(parts, 0, parts.length, ReduceOp.SUM); // each slot has one non-zero contribution: exact
        CompensatedSum total = new CompensatedSum();
        for (double p : parts) {
            total.add(p);
        }
        return total.high() + total.low();
    }
}
