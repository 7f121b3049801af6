package org.adjoint4j.examples.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks the HDF5 references of an XDMF file against the HDF5 files, read back with h5dump. */
public final class XdmfReferences {

    private XdmfReferences() {
    }

    /** Every HDF DataItem of an XDMF file as {"FILE:/PATH", "DIMENSIONS"}, in order. */
    public static List<String[]> of(Path xmf) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xmf.toFile());
        NodeList items = doc.getElementsByTagName("DataItem");
        List<String[]> refs = new ArrayList<>();
        for (int k = 0; k < items.getLength(); k++) {
            Element e = (Element) items.item(k);
            if (e.getAttribute("Format").equals("HDF")) {
                refs.add(new String[] {e.getTextContent().trim(), e.getAttribute("Dimensions")});
            }
        }
        return refs;
    }

    /**
     * Asserts that every dataset the XDMF file references exists in its HDF5 file (beside it) with the
     * stated dimensions, and returns how many there are.
     */
    public static int assertAllExist(Path xmf) throws Exception {
        List<String[]> refs = of(xmf);
        for (String[] ref : refs) {
            String[] fileAndPath = ref[0].split(":", 2);
            Path h5 = xmf.resolveSibling(fileAndPath[0]);
            List<Integer> stated = Arrays.stream(ref[1].trim().split("\\s+")).map(Integer::parseInt).toList();
            assertEquals(stated, H5dump.shape(h5, fileAndPath[1]), ref[0]);
        }
        return refs.size();
    }
}
