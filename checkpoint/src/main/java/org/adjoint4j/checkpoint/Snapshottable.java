package org.adjoint4j.checkpoint;

/** Something whose owned values can be copied into and out of snapshot buffers. */
public interface Snapshottable {

    /**
     * The fields, in the order used by {@link #pack} and {@link #unpack}.
     *
     * @return the layout, which must not change while snapshots of this object are held
     */
    SnapshotLayout snapshotLayout();

    /**
     * Copies the owned values of field {@code field} into {@code destination}.
     *
     * @param field       index of the field in {@link #snapshotLayout()},
     *                    {@code 0 <= field < snapshotLayout().fields().size()}
     * @param destination modified: its first {@code length()} values are overwritten
     */
    void pack(int field, double[] destination);

    /**
     * Sets the owned values of field {@code field} from {@code source}.
     *
     * @param field  index of the field in {@link #snapshotLayout()},
     *               {@code 0 <= field < snapshotLayout().fields().size()}
     * @param source not modified
     */
    void unpack(int field, double[] source);
}
