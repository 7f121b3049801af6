package org.adjoint4j.examples.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.adjoint4j.examples.cli.config.ConfigurationException;

/**
 * An output directory that appears complete or not at all. Files are written into a staging
 * directory next to the target ({@code .NAME.partial-*}); {@link #commit()} renames it to the target
 * in one step. {@link #close()} without a commit deletes the staging directory, so a failed run leaves
 * neither a half-written output directory nor debris.
 *
 * <pre>
 * try (OutputDirectory out = OutputDirectory.prepare(dir, false)) {   // fails early if dir is unusable
 *     ... compute ...
 *     write files into out.staging()
 *     out.commit();
 * }
 * </pre>
 */
public final class OutputDirectory implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final boolean overwrite;
    private boolean committed;

    private OutputDirectory(Path target, Path staging, boolean overwrite) {
        this.target = target;
        this.staging = staging;
        this.overwrite = overwrite;
    }

    /**
     * Checks that {@code directory} can be created and creates its staging directory (and any missing
     * parent directories).
     *
     * @param directory the output directory; a relative path is resolved against the working directory
     * @param overwrite whether an existing directory may be replaced at {@link #commit()}
     * @throws ConfigurationException naming the directory if it exists (without {@code overwrite}), is
     *         a file, or cannot be created
     * @return the prepared directory, with an empty staging directory next to the target
     */
    public static OutputDirectory prepare(Path directory, boolean overwrite) {
        Path target = directory.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new ConfigurationException("output directory '" + directory + "' cannot be the root of the file system");
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new ConfigurationException("output directory '" + directory + "' exists and is not a directory");
            }
            if (!overwrite) {
                throw new ConfigurationException("output directory '" + directory + "' already exists: choose another"
                        + " output.directory or set output.overwrite = true to replace it");
            }
        }
        try {
            Files.createDirectories(parent);
            return new OutputDirectory(target, createStaging(parent, target.getFileName().toString()), overwrite);
        } catch (IOException e) {
            throw new ConfigurationException("output directory '" + directory + "' cannot be created: " + describe(e), e);
        }
    }

    /**
     * A new, empty staging directory; unlike a temporary directory it gets the permissions of an
     * ordinary new directory (from the umask), which the output directory keeps.
     */
    private static Path createStaging(Path parent, String name) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path candidate = parent.resolve("." + name + ".partial-" + Long.toUnsignedString(random.nextLong(), 36));
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }

    /**
     * Where the files go until {@link #commit()}.
     *
     * @return the staging directory, a hidden sibling of the target
     */
    public Path staging() {
        return staging;
    }

    /**
     * The output directory (absolute).
     *
     * @return the absolute, normalised path the staging directory is renamed to by {@link #commit()}
     */
    public Path target() {
        return target;
    }

    /**
     * Moves the staged files into place: renames the staging directory to the target; with overwrite,
     * the old target is renamed aside first and deleted afterwards (and put back if the rename fails).
     *
     * @throws IOException naming the directories if a rename fails or the target appeared meanwhile
     *         without overwrite
     */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("output directory " + target + " is already committed");
        }
        Path parent = target.getParent();
        Path replaced = null;
        if (Files.exists(target)) {
            if (!overwrite) {
                throw new IOException("output directory '" + target + "' was created by someone else during the run");
            }
            replaced = parent.resolve("." + target.getFileName() + ".replaced-" + staging.getFileName());
            Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (replaced != null) {
                Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw new IOException("cannot move '" + staging + "' to '" + target + "': " + describe(e), e);
        }
        committed = true;
        if (replaced != null) {
            deleteTree(replaced);
        }
    }

    /**
     * Deletes the staging directory unless {@link #commit()} succeeded.
     *
     * @throws UncheckedIOException naming the directory if it cannot be deleted
     */
    @Override
    public void close() {
        if (!committed && Files.exists(staging)) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the staging directory '" + staging + "'", e);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String describe(Exception e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof FileAlreadyExistsException a) {
            return "'" + a.getFile() + "' exists and is not a directory";
        }
        if (e instanceof NoSuchFileException a) {
            return "no such file or directory: " + a.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
