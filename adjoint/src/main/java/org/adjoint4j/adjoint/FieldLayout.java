package org.adjoint4j.adjoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.adjoint4j.checkpoint.SnapshotField;
import org.adjoint4j.checkpoint.SnapshotLayout;

/**
 * The fields of a {@link Fields} container, in order: their names and sizes, so that buffers and
 * snapshot storage can be allocated before a run. A stepper that keeps several time levels in its
 * state (leapfrog, BDF2) declares one field per level, e.g. {@code h} and {@code h_previous}.
 *
 * @param fields the field specifications, names unique; may be empty (controls without fields)
 */
public record FieldLayout(List<FieldSpec> fields) {

    /**
     * Checks the names and copies the list.
     *
     * @param fields the field specifications (copied), names unique; may be empty
     * @throws NullPointerException     if {@code fields} or one of its elements is null
     * @throws IllegalArgumentException if two fields share a name
     */
    public FieldLayout {
        fields = List.copyOf(fields);
        Set<String> names = new HashSet<>();
        for (FieldSpec f : fields) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("field name '" + f.name() + "' appears twice in a layout");
            }
        }
    }

    /**
     * A layout of the given fields.
     *
     * @param fields the fields, in order, names unique; may be none
     * @return the layout
     * @throws IllegalArgumentException if two fields share a name
     */
    public static FieldLayout of(FieldSpec... fields) {
        return new FieldLayout(List.of(fields));
    }

    /**
     * Number of fields.
     *
     * @return the number of fields, at least 0
     */
    public int size() {
        return fields.size();
    }

    /**
     * Field {@code i}.
     *
     * @param i the position, {@code 0 <= i < size()}
     * @return the specification of that field
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public FieldSpec get(int i) {
        return fields.get(i);
    }

    /**
     * Position of the field called {@code name}.
     *
     * @param name the field's name
     * @return its position, {@code 0 <= position < size()}
     * @throws IllegalArgumentException naming the field and the known ones if there is none
     */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no field '" + name + "'; fields are " + names());
    }

    /**
     * The field names, in order.
     *
     * @return a new list of the names
     */
    public List<String> names() {
        List<String> names = new ArrayList<>(fields.size());
        for (FieldSpec f : fields) {
            names.add(f.name());
        }
        return names;
    }

    /**
     * Number of owned cells over all fields.
     *
     * @return the sum of {@link FieldSpec#ownedLength()} over the fields (this rank's block)
     */
    public long ownedValues() {
        long n = 0;
        for (FieldSpec f : fields) {
            n += f.ownedLength();
        }
        return n;
    }

    /**
     * What a snapshot of these fields holds: their owned cells.
     *
     * @return a new snapshot layout of the fields' names and owned sizes {@code nx × ny}, in order
     */
    public SnapshotLayout snapshotLayout() {
        List<SnapshotField> snapshot = new ArrayList<>(fields.size());
        for (FieldSpec f : fields) {
            snapshot.add(new SnapshotField(f.name(), f.nx(), f.ny()));
        }
        return new SnapshotLayout(snapshot);
    }
}
