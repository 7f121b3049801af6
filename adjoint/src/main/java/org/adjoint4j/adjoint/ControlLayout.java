package org.adjoint4j.adjoint;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the gradient is taken with respect to: distributed fields (each rank holds its block) and
 * replicated scalars (every rank holds the same values).
 *
 * @param fields  the distributed control fields; may be empty
 * @param scalars names of the replicated scalars; may be empty
 */
public record ControlLayout(FieldLayout fields, List<String> scalars) {

    public ControlLayout {
        Objects.requireNonNull(fields, "fields");
        scalars = List.copyOf(scalars);
        Set<String> names = new HashSet<>(fields.names());
        for (String s : scalars) {
            if (!names.add(s)) {
                throw new IllegalArgumentException("control name '" + s + "' appears twice");
            }
        }
        if (fields.size() == 0 && scalars.isEmpty()) {
            throw new IllegalArgumentException("controls need at least one field or scalar");
        }
    }

    /** Controls that are fields only. */
    public static ControlLayout ofFields(FieldSpec... fields) {
        return new ControlLayout(FieldLayout.of(fields), List.of());
    }

    /**
     * Position of the scalar called {@code name}.
     *
     * @throws IllegalArgumentException naming the scalar and the known ones if there is none
     */
    public int scalarIndex(String name) {
        int i = scalars.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no scalar control '" + name + "'; scalars are " + scalars);
        }
        return i;
    }
}
