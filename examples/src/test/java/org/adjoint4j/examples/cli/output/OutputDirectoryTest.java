package org.adjoint4j.examples.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path parent;

    private List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theDirectoryAppearsWithEverythingAtCommit() throws IOException {
        Path target = parent.resolve("out");
        try (OutputDirectory out = OutputDirectory.prepare(target, false)) {
            Files.writeString(out.staging().resolve("a.txt"), "a");
            assertFalse(Files.exists(target), "nothing visible before the commit");
            out.commit();
        }
        assertEquals(List.of("a.txt"), entries(target));
        assertEquals(List.of("out"), entries(parent), "no staging debris");
    }

    @Test
    void withoutACommitNothingIsLeftBehind() throws IOException {
        Path target = parent.resolve("out");
        assertThrows(IllegalStateException.class, () -> {
            try (OutputDirectory out = OutputDirectory.prepare(target, false)) {
                Files.createDirectories(out.staging().resolve("sub"));
                Files.writeString(out.staging().resolve("sub/half.h5"), "half");
                throw new IllegalStateException("the run failed");
            }
        });
        assertEquals(List.of(), entries(parent));
    }

    @Test
    void theOutputDirectoryGetsOrdinaryPermissions() throws IOException {
        Path ordinary = Files.createDirectory(parent.resolve("ordinary"));
        Path target = parent.resolve("out");
        try (OutputDirectory out = OutputDirectory.prepare(target, false)) {
            out.commit();
        }
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(ordinary);
        assertEquals(expected, Files.getPosixFilePermissions(target));
    }

    @Test
    void anExistingDirectoryIsRefusedUnlessOverwriteIsSet() throws IOException {
        Path target = Files.createDirectory(parent.resolve("out"));
        Files.writeString(target.resolve("old.txt"), "old");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> OutputDirectory.prepare(target, false));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("output.overwrite"), e.getMessage());
        assertEquals(List.of("out"), entries(parent));

        try (OutputDirectory out = OutputDirectory.prepare(target, true)) {
            Files.writeString(out.staging().resolve("new.txt"), "new");
            assertEquals(List.of("old.txt"), entries(target), "the old results stay until the new ones are complete");
            out.commit();
        }
        assertEquals(List.of("new.txt"), entries(target));
        assertEquals(List.of("out"), entries(parent), "the replaced directory is deleted");
    }

    @Test
    void anUnusableLocationIsReportedBeforeAnyWork() throws IOException {
        Path file = Files.writeString(parent.resolve("a-file"), "x");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> OutputDirectory.prepare(file.resolve("out"), false));
        assertTrue(e.getMessage().startsWith("output directory '" + file.resolve("out") + "' cannot be created: "),
                e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> OutputDirectory.prepare(file, true));
        assertEquals("output directory '" + file + "' exists and is not a directory", e.getMessage());
        assertEquals(List.of("a-file"), entries(parent));
    }

    @Test
    void missingParentsAreCreated() throws IOException {
        Path target = parent.resolve("a/b/out");
        try (OutputDirectory out = OutputDirectory.prepare(target, false)) {
            out.commit();
        }
        assertTrue(Files.isDirectory(target));
    }
}
