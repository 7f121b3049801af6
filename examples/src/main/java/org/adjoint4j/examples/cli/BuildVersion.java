package org.adjoint4j.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of adjoint4j this tool was built as, from the build's version.properties. */
final class BuildVersion {

    private BuildVersion() {
    }

    /** E.g. "0.1.0"; "unknown" when the tool runs from classes without the build's resources. */
    static String adjoint4j() {
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties from the class path", e);
        }
        return p.getProperty("version", "unknown");
    }
}
