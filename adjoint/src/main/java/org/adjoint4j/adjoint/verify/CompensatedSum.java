package org.adjoint4j.adjoint.verify;

/**
 * Sums and dot products as accurate as if computed in twice the working precision (Ogita, Rump &amp;
 * Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26(6), 2005: TwoSum and TwoProduct with
 * an FMA). Verification tests compare two inner products to 1e-13; with plain summation the rounding
 * of a sum that cancels would exceed that on its own.
 */
final class CompensatedSum {

    private double sum;
    private double error;

    /** Adds {@code a·b}. */
    void addProduct(double a, double b) {
        double p = a * b;
        double pe = Math.fma(a, b, -p);
        add(p);
        error += pe;
    }

    /** Adds {@code a}. */
    void add(double a) {
        double s = sum + a;
        double z = s - sum;
        error += (sum - (s - z)) + (a - z);
        sum = s;
    }

    /** The high part of the sum (the sum rounded to working precision is {@code high() + low()}). */
    double high() {
        return sum;
    }

    /** The accumulated rounding error. */
    double low() {
        return error;
    }
}
