package org.adjoint4j.checkpoint;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of one snapshot, so that storage can be allocated before a run starts.
 *
 * @param fields the fields, in a fixed order (field {@code i} of a {@link Snapshottable})
 */
public record SnapshotLayout(List<SnapshotField> fields) {

    /**
     * Checks the fields; the list is copied.
     *
     * @param fields the fields, in a fixed order; copied, so later changes to the list are not seen
     * @throws NullPointerException     if {@code fields} or one of its elements is {@code null}
     * @throws IllegalArgumentException if {@code fields} is empty or two fields have the same name
     */
    public SnapshotLayout {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a snapshot layout needs at least one field");
        }
        Set<String> names = new HashSet<>();
        for (SnapshotField f : fields) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("field name '" + f.name() + "' appears twice");
            }
        }
    }

    /**
     * Number of values in one snapshot.
     *
     * @return the sum of {@link SnapshotField#length()} over the fields
     */
    public long values() {
        long n = 0;
        for (SnapshotField f : fields) {
            n += f.length();
        }
        return n;
    }

    /**
     * Bytes of one snapshot's values.
     *
     * @return {@code 8·values()}: the size of one snapshot's buffers, without any file overhead
     */
    public long bytes() {
        return values() * Double.BYTES;
    }
}
