package org.adjoint4j.examples.cli.output;

import ch.systemsx.cisd.base.mdarray.MDDoubleArray;
import ch.systemsx.cisd.hdf5.HDF5Factory;
import ch.systemsx.cisd.hdf5.HDF5FloatStorageFeatures;
import ch.systemsx.cisd.hdf5.IHDF5Writer;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.model.Grid2d;

/**
 * Writes fields to an HDF5 file with JHDF5: one contiguous 2-D float64 dataset of shape [ny, nx] per
 * field at {@code /PATH}, with string attributes {@code long_name}, {@code units}, {@code description}
 * and float64 attributes {@code dx}, {@code dy}; the root group carries the grid ({@code nx}, {@code ny},
 * {@code dx}, {@code dy}, {@code x0}, {@code y0}, {@code length_units}) and the caller's attributes.
 */
public final class Hdf5FieldWriter {

    private Hdf5FieldWriter() {
    }

    /**
     * Checks, before a long computation, that JHDF5's native library loads.
     *
     * @throws ConfigurationException naming the library, how to make it found, and the key that
     *         turns HDF5 output off
     */
    public static void requireNativeLibrary() {
        try {
            hdf.hdf5lib.H5.H5error_off();
        } catch (LinkageError e) {
            throw new ConfigurationException("HDF5 output needs JHDF5's native library libsis-jhdf5.so, which did not load ("
                    + e + "): pass its directory with -Djava.library.path (JHDF5_JNI_DIR for bin/adjoint4j), or set"
                    + " output.hdf5 = false", e);
        }
    }

    /**
     * Writes {@code fields} to {@code file}, replacing it.
     *
     * @param file       the HDF5 file to create or replace
     * @param grid       the global grid, written as root attributes and each dataset's {@code dx}, {@code dy}
     * @param fields     the global fields, each written at {@code /PATH} as given (any shape)
     * @param attributes root attributes: String, Integer, Long or Double values
     * @throws IllegalArgumentException if an attribute value has another type
     * @throws IOException              naming the file if HDF5 reports an error
     */
    public static void write(Path file, Grid2d grid, List<GriddedField> fields, Map<String, Object> attributes)
            throws IOException {
        try (IHDF5Writer w = HDF5Factory.configure(file.toFile()).overwrite().dontUseExtendableDataTypes().writer()) {
            // A thread-safe libhdf5 prints diagnostics from every thread but the one that loaded it.
            hdf.hdf5lib.H5.H5error_off();
            w.int32().setAttr("/", "nx", grid.nx());
            w.int32().setAttr("/", "ny", grid.ny());
            w.float64().setAttr("/", "dx", grid.dx());
            w.float64().setAttr("/", "dy", grid.dy());
            w.float64().setAttr("/", "x0", grid.x0());
            w.float64().setAttr("/", "y0", grid.y0());
            w.string().setAttr("/", "length_units", grid.lengthUnits());
            for (Map.Entry<String, Object> a : attributes.entrySet()) {
                setAttribute(w, a.getKey(), a.getValue());
            }
            Set<String> groups = new LinkedHashSet<>();
            for (GriddedField f : fields) {
                int slash = f.path().lastIndexOf('/');
                if (slash > 0 && groups.add(f.path().substring(0, slash))) {
                    w.object().createGroup("/" + f.path().substring(0, slash));
                }
                String p = "/" + f.path();
                w.float64().writeMDArray(p, new MDDoubleArray(f.values(), new int[] {f.ny(), f.nx()}),
                        HDF5FloatStorageFeatures.FLOAT_CONTIGUOUS);
                w.string().setAttr(p, "long_name", f.longName());
                w.string().setAttr(p, "units", f.units());
                w.string().setAttr(p, "description", f.description());
                w.float64().setAttr(p, "dx", grid.dx());
                w.float64().setAttr(p, "dy", grid.dy());
            }
        } catch (HDF5Exception e) {
            throw new IOException("cannot write HDF5 file '" + file + "': " + e.getMessage(), e);
        }
    }

    private static void setAttribute(IHDF5Writer w, String name, Object value) {
        if (value instanceof String s) {
            w.string().setAttr("/", name, s);
        } else if (value instanceof Integer i) {
            w.int32().setAttr("/", name, i);
        } else if (value instanceof Long l) {
            w.int64().setAttr("/", name, l);
        } else if (value instanceof Double d) {
            w.float64().setAttr("/", name, d);
        } else {
            throw new IllegalArgumentException("attribute '" + name + "': value " + value + " is not a String, Integer,"
                    + " Long or Double");
        }
    }
}
