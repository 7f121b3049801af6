package org.adjoint4j.examples.cli.model;

import java.util.Objects;

/**
 * What a state or control field of a model means, for the attributes of output files and the
 * labels of plots.
 *
 * @param name     the field's name in the model's layout, e.g. {@code kappa}
 * @param longName a human-readable name, e.g. "diffusivity"
 * @param units    units, e.g. "m2 s-1"; "1" for a nondimensional quantity
 */
public record FieldInfo(String name, String longName, String units) {

    /**
     * Checks that no part is null or blank.
     *
     * @param name     the field's name in the model's layout, e.g. {@code kappa}
     * @param longName a human-readable name, e.g. "diffusivity"
     * @param units    units, e.g. "m2 s-1"; "1" for a nondimensional quantity
     * @throws NullPointerException     if a part is null
     * @throws IllegalArgumentException if a part is blank
     */
    public FieldInfo {
        for (String[] part : new String[][] {{"name", name}, {"longName", longName}, {"units", units}}) {
            Objects.requireNonNull(part[1], part[0]);
            if (part[1].isBlank()) {
                throw new IllegalArgumentException(part[0] + " must not be blank");
            }
        }
    }
}
