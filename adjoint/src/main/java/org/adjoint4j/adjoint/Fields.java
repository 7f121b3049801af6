package org.adjoint4j.adjoint;

import java.util.Arrays;
import java.util.Objects;
import org.adjoint4j.checkpoint.SnapshotLayout;
import org.adjoint4j.checkpoint.Snapshottable;

/**
 * Values of named fields over this rank's block of a grid, ghost cells included: the model state
 * u<sub>n</sub> of one time level, its adjoint λ<sub>n</sub>, and the field part of controls and
 * control gradients. Each field is one flat {@code double[]} laid out as its {@link FieldSpec} says.
 *
 * <p>Ghost cells are derived data (halo copies or boundary values) owned by whoever fills them;
 * every operation here that reduces or copies "owned" values ignores them.
 */
public final class Fields implements Snapshottable {

    private final FieldLayout layout;
    private final double[][] values;
    private SnapshotLayout snapshotLayout;

    /**
     * Zero-filled fields of {@code layout}.
     *
     * @param layout the fields to allocate; not null
     */
    public Fields(FieldLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.values = new double[layout.size()][];
        for (int f = 0; f < values.length; f++) {
            values[f] = new double[layout.get(f).storedLength()];
        }
    }

    /**
     * The layout.
     *
     * @return the layout given at construction
     */
    public FieldLayout layout() {
        return layout;
    }

    /**
     * The flat array of field {@code f}, ghosts included. Modified in place by callers.
     *
     * @param f the field's position in the layout, {@code 0 <= f < layout().size()}
     * @return the array held by these fields, not a copy
     */
    public double[] get(int f) {
        return values[f];
    }

    /**
     * The flat array of the field called {@code name}.
     *
     * @param name the field's name
     * @return the array held by these fields, ghosts included, not a copy
     * @throws IllegalArgumentException if there is no field of that name
     */
    public double[] get(String name) {
        return values[layout.indexOf(name)];
    }

    /**
     * The specification of field {@code f}.
     *
     * @param f the field's position in the layout, {@code 0 <= f < layout().size()}
     * @return its name, sizes and ghost widths
     */
    public FieldSpec spec(int f) {
        return layout.get(f);
    }

    /**
     * Copies every value of {@code source}, ghosts included.
     *
     * @param source fields of the same layout: read, not modified
     * @throws IllegalArgumentException if the layouts differ
     */
    public void copyFrom(Fields source) {
        requireSameLayout(source, "source");
        for (int f = 0; f < values.length; f++) {
            System.arraycopy(source.values[f], 0, values[f], 0, values[f].length);
        }
    }

    /**
     * A copy with its own arrays.
     *
     * @return new fields of the same layout and values, ghosts included
     */
    public Fields copy() {
        Fields c = new Fields(layout);
        c.copyFrom(this);
        return c;
    }

    /**
     * A copy of the owned cells, with ghost cells zero.
     *
     * @return new fields of the same layout
     */
    public Fields ownedCopy() {
        Fields c = new Fields(layout);
        for (int f = 0; f < values.length; f++) {
            c.unpack(f, owned(f));
        }
        return c;
    }

    /** Sets every value, ghosts included, to zero. */
    public void zero() {
        for (double[] v : values) {
            Arrays.fill(v, 0.0);
        }
    }

    /**
     * Sets the owned cells of field {@code f} from {@code owned}, ordered x fastest.
     *
     * @param f     the field's position in the layout, {@code 0 <= f < layout().size()}
     * @param owned {@code nx·ny} values: read, not kept; the ghost cells are left as they are
     * @throws IllegalArgumentException naming the field if the length is not {@code nx·ny}
     */
    public void setOwned(int f, double[] owned) {
        FieldSpec s = layout.get(f);
        if (owned.length != s.ownedLength()) {
            throw new IllegalArgumentException("field '" + s.name() + "': expected " + s.ownedLength() + " values ("
                    + s.nx() + "x" + s.ny() + "), got " + owned.length);
        }
        unpack(f, owned);
    }

    /**
     * The owned cells of field {@code f}, ordered x fastest, in a new array.
     *
     * @param f the field's position in the layout, {@code 0 <= f < layout().size()}
     * @return a new array of {@code nx·ny} values, owned by the caller
     */
    public double[] owned(int f) {
        double[] out = new double[layout.get(f).ownedLength()];
        pack(f, out);
        return out;
    }

    /**
     * Σ over fields and owned cells of {@code this·other} on this rank.
     *
     * @param other fields of the same layout: read, not modified
     * @return this rank's part of the inner product; sum it over ranks for the global one
     * @throws IllegalArgumentException if the layouts differ
     */
    public double dot(Fields other) {
        requireSameLayout(other, "other");
        double sum = 0;
        for (int f = 0; f < values.length; f++) {
            FieldSpec s = layout.get(f);
            double[] a = values[f];
            double[] b = other.values[f];
            for (int j = 0; j < s.ny(); j++) {
                int row = s.index(0, j);
                for (int k = row; k < row + s.nx(); k++) {
                    sum += a[k] * b[k];
                }
            }
        }
        return sum;
    }

    /**
     * {@code this += a·x} on owned cells.
     *
     * @param a the factor
     * @param x fields of the same layout: read, not modified (may be {@code this})
     * @throws IllegalArgumentException if the layouts differ
     */
    public void addScaled(double a, Fields x) {
        requireSameLayout(x, "x");
        for (int f = 0; f < values.length; f++) {
            FieldSpec s = layout.get(f);
            double[] y = values[f];
            double[] xs = x.values[f];
            for (int j = 0; j < s.ny(); j++) {
                int row = s.index(0, j);
                for (int k = row; k < row + s.nx(); k++) {
                    y[k] += a * xs[k];
                }
            }
        }
    }

    /**
     * {@code this *= a} on owned cells.
     *
     * @param a the factor
     */
    public void scale(double a) {
        for (int f = 0; f < values.length; f++) {
            FieldSpec s = layout.get(f);
            double[] y = values[f];
            for (int j = 0; j < s.ny(); j++) {
                int row = s.index(0, j);
                for (int k = row; k < row + s.nx(); k++) {
                    y[k] *= a;
                }
            }
        }
    }

    /**
     * The largest absolute owned value on this rank (NaN if any owned value is NaN).
     *
     * @return the largest absolute owned value; 0 if there are no fields
     */
    public double maxAbs() {
        double max = 0;
        for (int f = 0; f < values.length; f++) {
            FieldSpec s = layout.get(f);
            double[] a = values[f];
            for (int j = 0; j < s.ny(); j++) {
                int row = s.index(0, j);
                for (int k = row; k < row + s.nx(); k++) {
                    double v = Math.abs(a[k]);
                    if (Double.isNaN(v)) {
                        return Double.NaN; // a later value must not hide it
                    }
                    if (v > max) {
                        max = v;
                    }
                }
            }
        }
        return max;
    }

    /**
     * True if every owned value is finite.
     *
     * @return false if an owned value on this rank is NaN or infinite; ghost cells are not looked at
     */
    public boolean allFinite() {
        for (int f = 0; f < values.length; f++) {
            FieldSpec s = layout.get(f);
            double[] a = values[f];
            double probe = 0;
            for (int j = 0; j < s.ny(); j++) {
                int row = s.index(0, j);
                for (int k = row; k < row + s.nx(); k++) {
                    probe += a[k] * 0.0; // NaN exactly when a value is NaN or infinite
                }
            }
            if (probe != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the first non-finite owned value is, as "field 'u' cell (i, j) = NaN", or {@code null}
     * if all are finite.
     *
     * @return the description of the first non-finite owned value in field order, then y, then x;
     *         or {@code null}
     */
    public String describeFirstNonFinite() {
        for (int f = 0; f < values.length; f++) {
            FieldSpec s = layout.get(f);
            double[] a = values[f];
            for (int j = 0; j < s.ny(); j++) {
                for (int i = 0; i < s.nx(); i++) {
                    double v = a[s.index(i, j)];
                    if (!Double.isFinite(v)) {
                        return "field '" + s.name() + "' cell (" + i + ", " + j + ") = " + v;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public SnapshotLayout snapshotLayout() {
        if (snapshotLayout == null) {
            snapshotLayout = layout.snapshotLayout();
        }
        return snapshotLayout;
    }

    @Override
    public void pack(int f, double[] destination) {
        FieldSpec s = layout.get(f);
        double[] a = values[f];
        int nx = s.nx();
        for (int j = 0; j < s.ny(); j++) {
            System.arraycopy(a, s.index(0, j), destination, j * nx, nx);
        }
    }

    @Override
    public void unpack(int f, double[] source) {
        FieldSpec s = layout.get(f);
        double[] a = values[f];
        int nx = s.nx();
        for (int j = 0; j < s.ny(); j++) {
            System.arraycopy(source, j * nx, a, s.index(0, j), nx);
        }
    }

    private void requireSameLayout(Fields other, String name) {
        if (!layout.equals(other.layout)) {
            throw new IllegalArgumentException(name + ": layout " + other.layout + " differs from " + layout);
        }
    }

    @Override
    public String toString() {
        return "Fields" + layout.names();
    }
}
