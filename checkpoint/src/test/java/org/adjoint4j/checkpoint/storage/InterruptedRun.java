package org.adjoint4j.checkpoint.storage;

import java.nio.file.Path;

/**
 * A run killed while its disk store is writing: stores two snapshots and waits until they are
 * durable, queues a third, and halts the JVM at once, without closing the store. Run in a child JVM
 * by {@link Hdf5SnapshotResumeTest}.
 */
final class InterruptedRun {

    static final String IDENTITY = "run-killed";
    static final int CAPACITY = 3;

    private InterruptedRun() {
    }

    /** args: the run directory. */
    public static void main(String[] args) {
        Hdf5SnapshotStore store = Hdf5SnapshotStore.builder().directory(Path.of(args[0])).layout(TestFields.LAYOUT)
                .capacity(CAPACITY).runIdentity(IDENTITY).build();
        store.store(0, 0, TestFields.filled(0));
        store.store(1, 5, TestFields.filled(5));
        store.flush();
        store.store(2, 9, TestFields.filled(9));
        Runtime.getRuntime().halt(3);
    }
}
