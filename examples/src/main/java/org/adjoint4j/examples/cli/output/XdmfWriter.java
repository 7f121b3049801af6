package org.adjoint4j.examples.cli.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.adjoint4j.examples.cli.model.Grid2d;

/**
 * Writes an XDMF 3 file that lets ParaView and VisIt open the fields of an HDF5 file written by
 * {@link Hdf5FieldWriter}: one uniform grid of type 2DCoRectMesh (origin and spacing, ny+1 × nx+1
 * nodes) and one cell-centred scalar attribute per field that has the grid's shape, read from
 * {@code FILE.h5:/PATH}. XDMF lists dimensions and origin/spacing slowest first: y, then x.
 */
public final class XdmfWriter {

    private XdmfWriter() {
    }

    /**
     * Writes {@code xmf}.
     *
     * @param xmf          the XDMF file to create or replace
     * @param hdf5FileName the HDF5 file's name as referenced from the XDMF file (same directory)
     * @param name         the grid's name shown by viewers
     * @param grid         the grid the fields lie on
     * @param fields       the fields; those not of the grid's shape are left out
     * @throws IOException if the file cannot be written
     */
    public static void write(Path xmf, String hdf5FileName, String name, Grid2d grid, List<GriddedField> fields)
            throws IOException {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" ?>\n");
        x.append("<Xdmf Version=\"3.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n");
        x.append("  <Domain>\n");
        x.append("    <Grid Name=\"").append(escape(name)).append("\" GridType=\"Uniform\">\n");
        x.append("      <Topology TopologyType=\"2DCoRectMesh\" Dimensions=\"").append(grid.ny() + 1).append(' ')
                .append(grid.nx() + 1).append("\"/>\n");
        x.append("      <Geometry GeometryType=\"ORIGIN_DXDY\">\n");
        x.append("        <DataItem Name=\"Origin\" Dimensions=\"2\" NumberType=\"Float\" Precision=\"8\" Format=\"XML\">")
                .append(number(grid.y0())).append(' ').append(number(grid.x0())).append("</DataItem>\n");
        x.append("        <DataItem Name=\"Spacing\" Dimensions=\"2\" NumberType=\"Float\" Precision=\"8\" Format=\"XML\">")
                .append(number(grid.dy())).append(' ').append(number(grid.dx())).append("</DataItem>\n");
        x.append("      </Geometry>\n");
        for (GriddedField f : fields) {
            if (f.nx() != grid.nx() || f.ny() != grid.ny()) {
                continue;
            }
            x.append("      <Attribute Name=\"").append(escape(f.path().replace('/', '_')))
                    .append("\" AttributeType=\"Scalar\" Center=\"Cell\">\n");
            x.append("        <DataItem Dimensions=\"").append(f.ny()).append(' ').append(f.nx())
                    .append("\" NumberType=\"Float\" Precision=\"8\" Format=\"HDF\">")
                    .append(escape(hdf5FileName)).append(":/").append(escape(f.path())).append("</DataItem>\n");
            x.append("      </Attribute>\n");
        }
        x.append("    </Grid>\n");
        x.append("  </Domain>\n");
        x.append("</Xdmf>\n");
        Files.writeString(xmf, x, StandardCharsets.UTF_8);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
