package org.adjoint4j.mpi.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A class path as a list of files, with the {@code Class-Path} entries of jar manifests expanded (the
 * runnable {@code adjoint4j.jar} lists its libraries that way). Splits off the libraries with native
 * code, which must be loaded once per JVM even when ranks have their own class loaders.
 */
final class ClassPath {

    /** Jars whose classes bind a JNI library (JHDF5) or that such classes need from the same loader. */
    private static final String[] NATIVE_PREFIXES = {"sis-jhdf5", "sis-base", "commons-io", "commons-lang3"};

    private final List<Path> entries;

    private ClassPath(List<Path> entries) {
        this.entries = List.copyOf(entries);
    }

    /** This JVM's class path, expanded. */
    static ClassPath current() {
        return of(System.getProperty("java.class.path"));
    }

    /** A class path string, expanded. */
    static ClassPath of(String classPath) {
        Set<Path> out = new LinkedHashSet<>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                add(Paths.get(e).toAbsolutePath().normalize(), out);
            }
        }
        return new ClassPath(new ArrayList<>(out));
    }

    private static void add(Path p, Set<Path> out) {
        if (!out.add(p) || !Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            Manifest m = jar.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (cp != null) {
                for (String e : cp.trim().split("\\s+")) {
                    if (!e.isBlank() && !e.contains(":")) {
                        add(p.resolveSibling(e).normalize(), out);
                    }
                }
            }
        } catch (IOException e) {
            // An unreadable jar is passed on as it is; the JVM that loads it will report it.
        }
    }

    /** Every entry. */
    List<Path> entries() {
        return entries;
    }

    /** The entries with native code (see {@link #NATIVE_PREFIXES}). */
    List<Path> nativeLibraries() {
        List<Path> out = new ArrayList<>();
        for (Path p : entries) {
            if (isNative(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The entries without native code. */
    List<Path> pureJava() {
        List<Path> out = new ArrayList<>();
        for (Path p : entries) {
            if (!isNative(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean isNative(Path p) {
        String name = p.getFileName().toString();
        for (String prefix : NATIVE_PREFIXES) {
            if (name.startsWith(prefix) && name.endsWith(".jar")) {
                return true;
            }
        }
        return false;
    }

    static String join(List<Path> paths) {
        List<String> s = new ArrayList<>();
        for (Path p : paths) {
            s.add(p.toString());
        }
        return String.join(File.pathSeparator, s);
    }
}
