package org.adjoint4j.adjoint;

import java.util.Arrays;
import java.util.Objects;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;

/**
 * Values of the controls of a {@link ControlLayout}, or of a gradient with respect to them: this
 * rank's block of every control field plus the replicated scalars.
 */
public final class Controls {

    private final ControlLayout layout;
    private final Fields fields;
    private final double[] scalars;

    /**
     * Zero controls of {@code layout}.
     *
     * @param layout the control fields and scalars; not null
     */
    public Controls(ControlLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.fields = new Fields(layout.fields());
        this.scalars = new double[layout.scalars().size()];
    }

    /**
     * The layout.
     *
     * @return the layout given at construction
     */
    public ControlLayout layout() {
        return layout;
    }

    /**
     * The control fields (this rank's blocks), modified in place by callers.
     *
     * @return the fields held by these controls, not a copy
     */
    public Fields fields() {
        return fields;
    }

    /**
     * The replicated scalars, in the order of {@link ControlLayout#scalars()}; modified in place.
     *
     * @return the array held by these controls, not a copy
     */
    public double[] scalars() {
        return scalars;
    }

    /**
     * The flat array of the control field called {@code name}.
     *
     * @param name the field's name
     * @return the array held by these controls, ghosts included, laid out as its {@link FieldSpec} says
     * @throws IllegalArgumentException if there is no control field of that name
     */
    public double[] field(String name) {
        return fields.get(name);
    }

    /**
     * The scalar called {@code name}.
     *
     * @param name the scalar's name
     * @return its value
     * @throws IllegalArgumentException if there is no scalar of that name
     */
    public double scalar(String name) {
        return scalars[layout.scalarIndex(name)];
    }

    /**
     * Sets the scalar called {@code name}.
     *
     * @param name  the scalar's name
     * @param value its new value; give every rank the same value, as scalars are replicated
     * @throws IllegalArgumentException if there is no scalar of that name
     */
    public void setScalar(String name, double value) {
        scalars[layout.scalarIndex(name)] = value;
    }

    /**
     * Copies every value of {@code source}.
     *
     * @param source controls of the same layout: every field value (ghosts included) and scalar read,
     *               not modified
     * @throws IllegalArgumentException if the layouts differ
     */
    public void copyFrom(Controls source) {
        requireSameLayout(source, "source");
        fields.copyFrom(source.fields);
        System.arraycopy(source.scalars, 0, scalars, 0, scalars.length);
    }

    /**
     * A copy with its own arrays.
     *
     * @return new controls of the same layout and values, ghosts included
     */
    public Controls copy() {
        Controls c = new Controls(layout);
        c.copyFrom(this);
        return c;
    }

    /**
     * A copy of the owned field cells (ghost cells zero) and the scalars.
     *
     * @return new controls of the same layout
     */
    public Controls ownedCopy() {
        Controls c = new Controls(layout);
        for (int f = 0; f < layout.fields().size(); f++) {
            c.fields.unpack(f, fields.owned(f));
        }
        System.arraycopy(scalars, 0, c.scalars, 0, scalars.length);
        return c;
    }

    /** Sets everything to zero. */
    public void zero() {
        fields.zero();
        Arrays.fill(scalars, 0.0);
    }

    /**
     * {@code this += a·x} on owned field cells and on the scalars.
     *
     * @param a the factor
     * @param x controls of the same layout: read, not modified (may be {@code this})
     * @throws IllegalArgumentException if the layouts differ
     */
    public void addScaled(double a, Controls x) {
        requireSameLayout(x, "x");
        fields.addScaled(a, x.fields);
        for (int i = 0; i < scalars.length; i++) {
            scalars[i] += a * x.scalars[i];
        }
    }

    /**
     * The inner product over all ranks: owned field cells summed over ranks, replicated scalars
     * counted once. A collective call.
     *
     * @param other controls of the same layout: read, not modified
     * @param comm  the ranks over which the field blocks are distributed
     * @return the global inner product, the same on every rank
     * @throws IllegalArgumentException if the layouts differ
     */
    public double dot(Controls other, Communicator comm) {
        requireSameLayout(other, "other");
        double sum = comm.allreduce(fields.dot(other.fields), ReduceOp.SUM);
        for (int i = 0; i < scalars.length; i++) {
            sum += scalars[i] * other.scalars[i];
        }
        return sum;
    }

    /**
     * The largest absolute value of this rank's owned field cells and of the scalars.
     *
     * @return the largest absolute value on this rank; 0 if there are none
     */
    public double maxAbs() {
        double max = fields.maxAbs();
        for (double s : scalars) {
            max = Math.max(max, Math.abs(s));
        }
        return max;
    }

    /**
     * True if every owned field value and every scalar is finite.
     *
     * @return false if an owned field value or a scalar on this rank is NaN or infinite
     */
    public boolean allFinite() {
        for (double s : scalars) {
            if (!Double.isFinite(s)) {
                return false;
            }
        }
        return fields.allFinite();
    }

    /**
     * Where the first non-finite value is, or {@code null} if all are finite.
     *
     * @return a description such as "scalar 'k' = NaN" or "field 'u' cell (i, j) = Infinity" (scalars
     *         first, then owned field cells), or {@code null}
     */
    public String describeFirstNonFinite() {
        for (int i = 0; i < scalars.length; i++) {
            if (!Double.isFinite(scalars[i])) {
                return "scalar '" + layout.scalars().get(i) + "' = " + scalars[i];
            }
        }
        return fields.describeFirstNonFinite();
    }

    private void requireSameLayout(Controls other, String name) {
        if (!layout.equals(other.layout)) {
            throw new IllegalArgumentException(name + ": control layout " + other.layout + " differs from " + layout);
        }
    }

    @Override
    public String toString() {
        return "Controls" + layout.fields().names() + layout.scalars();
    }
}
