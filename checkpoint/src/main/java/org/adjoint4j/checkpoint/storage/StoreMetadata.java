package org.adjoint4j.checkpoint.storage;

import java.util.List;
import org.adjoint4j.checkpoint.SnapshotField;
import org.adjoint4j.checkpoint.SnapshotLayout;

/**
 * What a disk store records about itself in every file it writes.
 *
 * @param rank        the rank whose snapshots the store holds
 * @param capacity    number of slots
 * @param runIdentity the caller's identity of the run
 * @param layout      the fields of every snapshot
 * @param gridBlock   where the rank's block lies in the global grid, or null if not given
 */
record StoreMetadata(int rank, int capacity, String runIdentity, SnapshotLayout layout, GridBlock gridBlock) {

    /** The field names in layout order. */
    String[] fieldNames() {
        List<SnapshotField> fields = layout.fields();
        String[] names = new String[fields.size()];
        for (int f = 0; f < names.length; f++) {
            names[f] = fields.get(f).name();
        }
        return names;
    }

    /** The dataset shape of each field in layout order: {ny, nx}. */
    int[][] fieldShapes() {
        List<SnapshotField> fields = layout.fields();
        int[][] shapes = new int[fields.size()][];
        for (int f = 0; f < shapes.length; f++) {
            shapes[f] = new int[] {fields.get(f).ny(), fields.get(f).nx()};
        }
        return shapes;
    }
}
