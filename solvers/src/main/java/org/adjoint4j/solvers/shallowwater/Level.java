package org.adjoint4j.solvers.shallowwater;

import java.util.Arrays;
import org.adjoint4j.adjoint.Fields;

/**
 * The three arrays (η, u, v) of one time level or Runge–Kutta stage, or of its tangent or adjoint.
 * Either owns its arrays (work buffers) or views three consecutive fields of a {@link Fields}, re-pointed
 * per call without allocation.
 */
final class Level {

    double[] eta;
    double[] u;
    double[] v;

    /** A view, to be pointed at fields with {@link #view}. */
    Level() {
    }

    /** A work buffer of three zero arrays of {@code length} values. */
    Level(int length) {
        eta = new double[length];
        u = new double[length];
        v = new double[length];
    }

    /** Points this view at fields {@code first}, {@code first+1}, {@code first+2} of {@code fields}: η, u, v. */
    Level view(Fields fields, int first) {
        eta = fields.get(first);
        u = fields.get(first + 1);
        v = fields.get(first + 2);
        return this;
    }

    /** Sets every value, ghosts included, to zero. */
    void zero() {
        Arrays.fill(eta, 0.0);
        Arrays.fill(u, 0.0);
        Arrays.fill(v, 0.0);
    }
}
