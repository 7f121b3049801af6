package org.adjoint4j.examples.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.adjoint4j.examples.cli.model.Grid2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XdmfWriterTest {

    @TempDir
    Path dir;

    @Test
    void describesTheGridAndReferencesEveryFieldOfItsShape() throws Exception {
        Grid2d grid = new Grid2d(4, 3, 0.5, 0.25, 1.0, -1.0, "m");
        List<GriddedField> fields = List.of(
                new GriddedField("gradient/a", "dJ/da", "1", "d", 4, 3, new double[12]),
                new GriddedField("gradient/profile", "dJ/dp", "1", "a 1-D control", 4, 1, new double[4]),
                new GriddedField("final_state/u", "u", "1", "s", 4, 3, new double[12]));
        Hdf5FieldWriter.write(dir.resolve("f.h5"), grid, fields, Map.of());
        Path xmf = dir.resolve("f.xmf");
        XdmfWriter.write(xmf, "f.h5", "test", grid, fields);

        assertEquals(2, XdmfReferences.assertAllExist(xmf), "the 4 x 1 field is not on the grid");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xmf.toFile());
        Element topology = (Element) doc.getElementsByTagName("Topology").item(0);
        assertEquals("2DCoRectMesh", topology.getAttribute("TopologyType"));
        assertEquals("4 5", topology.getAttribute("Dimensions"), "nodes, y first");
        NodeList geometry = ((Element) doc.getElementsByTagName("Geometry").item(0)).getElementsByTagName("DataItem");
        double[] origin = Arrays.stream(geometry.item(0).getTextContent().trim().split("\\s+"))
                .mapToDouble(Double::parseDouble).toArray();
        double[] spacing = Arrays.stream(geometry.item(1).getTextContent().trim().split("\\s+"))
                .mapToDouble(Double::parseDouble).toArray();
        assertEquals(List.of(-1.0, 1.0), List.of(origin[0], origin[1]), "origin y, x");
        assertEquals(List.of(0.25, 0.5), List.of(spacing[0], spacing[1]), "spacing dy, dx");
        NodeList attributes = doc.getElementsByTagName("Attribute");
        assertEquals("Cell", ((Element) attributes.item(0)).getAttribute("Center"));
        assertEquals("gradient_a", ((Element) attributes.item(0)).getAttribute("Name"));
    }
}
