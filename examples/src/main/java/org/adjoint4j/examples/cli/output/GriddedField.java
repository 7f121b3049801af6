package org.adjoint4j.examples.cli.output;

import java.util.Objects;

/**
 * A named two-dimensional field for the output files, with what it means.
 *
 * @param path        where it goes in the HDF5 file, without the leading slash, e.g. "gradient/kappa"
 * @param longName    a human-readable name, e.g. "dJ/dkappa"
 * @param units       units; "1" when nondimensional
 * @param description one sentence on what the values are
 * @param nx          cells in x, at least 1
 * @param ny          cells in y, at least 1
 * @param values      nx·ny values, x fastest (a row-major [ny, nx] array); kept, not copied
 */
public record GriddedField(String path, String longName, String units, String description, int nx, int ny,
                           double[] values) {

    /**
     * Checks the names and that the number of values is nx·ny.
     *
     * @param path        where it goes in the HDF5 file, without the leading slash, e.g. "gradient/kappa";
     *                    names of letters, digits and {@code _} separated by {@code /}
     * @param longName    a human-readable name, e.g. "dJ/dkappa"
     * @param units       units; "1" when nondimensional
     * @param description one sentence on what the values are
     * @param nx          cells in x, at least 1
     * @param ny          cells in y, at least 1
     * @param values      nx·ny values, x fastest (a row-major [ny, nx] array); kept, not copied
     * @throws NullPointerException     if a name is null
     * @throws IllegalArgumentException if the path is malformed, nx or ny is below 1, or the number of
     *                                  values is not nx·ny
     */
    public GriddedField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(longName, "longName");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(description, "description");
        if (!path.matches("[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*")) {
            throw new IllegalArgumentException("path must be names of letters, digits and _ separated by /, was '" + path + "'");
        }
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("field '" + path + "': nx and ny must be >= 1, were nx=" + nx + ", ny=" + ny);
        }
        if (values.length != (long) nx * ny) {
            throw new IllegalArgumentException("field '" + path + "': expected " + (long) nx * ny + " values (" + nx + "x"
                    + ny + "), got " + values.length);
        }
    }

    /**
     * The last part of the path, e.g. "kappa".
     *
     * @return the text after the last {@code /} of the path; the whole path if it has none
     */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
