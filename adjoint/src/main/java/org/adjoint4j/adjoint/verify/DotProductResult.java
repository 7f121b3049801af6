package org.adjoint4j.adjoint.verify;

/**
 * The two sides of the dot-product test ⟨F'δx, w⟩ = ⟨δx, F'<sup>T</sup>w⟩, as global inner products.
 *
 * @param tangentProduct ⟨F'δx, w⟩, with F'δx from the tangent
 * @param adjointProduct ⟨δx, F'<sup>T</sup>w⟩, with F'<sup>T</sup>w from the adjoint
 */
public record DotProductResult(double tangentProduct, double adjointProduct) {

    /** The default tolerance on {@link #relativeMismatch()}. */
    public static final double TOLERANCE = 1e-12;

    /**
     * |⟨F'δx, w⟩ − ⟨δx, F'<sup>T</sup>w⟩| / (|⟨F'δx, w⟩| + tiny).
     *
     * @return the relative mismatch, with tiny = {@link Double#MIN_NORMAL}; NaN if a side is NaN
     */
    public double relativeMismatch() {
        return Math.abs(tangentProduct - adjointProduct) / (Math.abs(tangentProduct) + Double.MIN_NORMAL);
    }

    /**
     * True if the relative mismatch is at most {@link #TOLERANCE}.
     *
     * @return whether the test passed; false if the mismatch is NaN
     */
    public boolean passed() {
        return relativeMismatch() <= TOLERANCE;
    }

    @Override
    public String toString() {
        return String.format("dot-product test: <F'dx, w> = %.17g, <dx, F'^T w> = %.17g, relative mismatch %.3e (%s)",
                tangentProduct, adjointProduct, relativeMismatch(), passed() ? "PASS" : "FAIL");
    }
}
