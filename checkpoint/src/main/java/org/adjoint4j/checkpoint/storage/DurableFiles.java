package org.adjoint4j.checkpoint.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** The steps that make a written file durable under its final name, in the order that makes it so. */
final class DurableFiles {

    private DurableFiles() {
    }

    /**
     * Forces {@code temporary} to the disk, renames it atomically to {@code target} (replacing any
     * file of that name) and forces the directory, so that after a crash either the complete new
     * file or none is found under {@code target}.
     */
    static void commit(Path temporary, Path target) throws IOException {
        try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            file.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    /** Forces the entries of {@code directory} (creations, renames, deletions) to the disk. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
