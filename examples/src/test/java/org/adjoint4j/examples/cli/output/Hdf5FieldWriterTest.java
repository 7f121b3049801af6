package org.adjoint4j.examples.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adjoint4j.examples.cli.model.Grid2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5FieldWriterTest {

    @TempDir
    Path dir;

    /** v(i, j) = 10·j + i on a 4 × 3 grid, stored x fastest. */
    static double[] ramp(int nx, int ny) {
        double[] v = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                v[j * nx + i] = 10 * j + i;
            }
        }
        return v;
    }

    @Test
    void fieldsAreRowMajorDatasetsOfShapeNyNxWithTheirMeaning() throws Exception {
        Grid2d grid = new Grid2d(4, 3, 0.5, 0.25, 1.0, -1.0, "m");
        Path file = dir.resolve("fields.h5");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("title", "test");
        attributes.put("steps", 7);
        attributes.put("objective_value", 1.5);
        Hdf5FieldWriter.write(file, grid, List.of(
                new GriddedField("gradient/a", "dJ/da", "1/(m)", "derivative", 4, 3, ramp(4, 3)),
                new GriddedField("final_state/u", "u at step 7", "K", "state", 4, 3, new double[12])), attributes);

        assertEquals(List.of(3, 4), H5dump.shape(file, "/gradient/a"), "[ny, nx]");
        // h5dump prints in storage order; row j of the [ny, nx] array is y = j, so the 5th value is (i=0, j=1) = 10.
        assertArrayEquals(new double[] {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23}, H5dump.values(file, "/gradient/a"));
        assertEquals(List.of(3, 4), H5dump.shape(file, "/final_state/u"));

        String a = H5dump.run(file, "-A", "-p", "-d", "/gradient/a");
        assertTrue(a.contains("CONTIGUOUS"), "contiguous layout:\n" + a);
        assertTrue(a.contains("ATTRIBUTE \"units\"") && a.contains("\"1/(m)\""), a);
        assertTrue(a.contains("ATTRIBUTE \"long_name\"") && a.contains("\"dJ/da\""), a);
        assertTrue(a.contains("ATTRIBUTE \"dx\"") && a.contains("ATTRIBUTE \"dy\""), a);
        String root = H5dump.run(file, "-A", "-a", "/dy");
        assertTrue(root.contains("0.25"), root);
        String steps = H5dump.run(file, "-A", "-a", "/steps");
        assertTrue(steps.contains("H5T_STD_I32LE") && steps.contains("(0): 7"), steps);
        String x0 = H5dump.run(file, "-A", "-a", "/length_units");
        assertTrue(x0.contains("\"m\""), x0);
    }
}
