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

    /**
     * Checks the components and copies the scalar names.
     *
     * @param fields  the distributed control fields; may be empty
     * @param scalars names of the replicated scalars (copied); may be empty
     * @throws NullPointerException     if {@code fields}, {@code scalars} or one of the scalar names is null
     * @throws IllegalArgumentException if a name appears twice among the fields and scalars, or if there
     *                                  is neither a field nor a scalar
     */
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

    /**
     * Controls that are fields only.
     *
     * @param fields the control fields, in order; at least one, names unique
     * @return a layout of these fields and no scalars
     * @throws IllegalArgumentException if no field is given or two fields share a name
     */
    public static ControlLayout ofFields(FieldSpec... fields) {
        return new ControlLayout(FieldLayout.of(fields), List.of());
    }

    /**
     * Position of the scalar called {@code name}.
     *
     * @param name the scalar's name
     * @return its index in {@link #scalars()} and in {@link Controls#scalars()}
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
