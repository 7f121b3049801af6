package org.adjoint4j.checkpoint.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the HDF5 reference tool {@code h5dump} (package hdf5-tools) and picks values out of its
 * output, so that tests check the files as the reference implementation reads them.
 */
final class H5dump {

    private static final Pattern DATA = Pattern.compile("DATA \\{\\s*\\(0\\): (.*?)\\s*\\}", Pattern.DOTALL);

    private H5dump() {
    }

    /** The output of {@code h5dump args... file}; fails the test if h5dump fails. */
    static String run(Path file, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("h5dump");
        command.addAll(List.of(args));
        command.add(file.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "h5dump did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> "h5dump " + String.join(" ", args) + " " + file + " failed:\n" + text);
        return text;
    }

    /**
     * The value of one attribute as h5dump prints it after {@code (0):}, such as {@code 12},
     * {@code "abc"} or {@code [ 4, 8 ]}.
     *
     * @param path the attribute's path: {@code /name} on the root group, {@code /dataset/name} on a dataset
     */
    static String attribute(Path file, String path) throws IOException, InterruptedException {
        String out = run(file, "-a", path);
        Matcher m = DATA.matcher(out);
        if (!m.find()) {
            fail("no attribute " + path + " in h5dump's output:\n" + out);
        }
        return m.group(1).trim();
    }

    /** The block h5dump prints for the type of attribute {@code path}, such as {@code H5T_STD_I32LE}. */
    static String attributeType(Path file, String path) throws IOException, InterruptedException {
        String out = run(file, "-a", path);
        Matcher m = Pattern.compile("DATATYPE\\s+(.*?)\\s+DATASPACE", Pattern.DOTALL).matcher(out);
        if (!m.find()) {
            fail("no type for attribute " + path + " in h5dump's output:\n" + out);
        }
        return m.group(1).trim();
    }

    /** The extents of a dataset as h5dump prints them, such as {@code ( 2, 3 )}. */
    static String shape(Path file, String dataset) throws IOException, InterruptedException {
        String out = run(file, "-H", "-d", dataset);
        Matcher m = Pattern.compile("DATASPACE\\s+SIMPLE \\{ (\\(.*?\\)) /").matcher(out);
        if (!m.find()) {
            fail("no simple dataspace for " + dataset + " in h5dump's output:\n" + out);
        }
        return m.group(1);
    }

    /** The file offset of a contiguous dataset's raw data ({@code OFFSET} in {@code h5dump -p -H}). */
    static long rawDataOffset(Path file, String dataset) throws IOException, InterruptedException {
        String out = run(file, "-p", "-H", "-d", dataset);
        Matcher m = Pattern.compile("CONTIGUOUS\\s+SIZE \\d+\\s+OFFSET (\\d+)").matcher(out);
        if (!m.find()) {
            fail("no contiguous layout for " + dataset + " in h5dump's output:\n" + out);
        }
        return Long.parseLong(m.group(1));
    }

    /** The raw bytes of a dataset in little-endian order, as {@code h5dump -b LE} exports them. */
    static byte[] rawBytes(Path file, String dataset, Path scratch) throws IOException, InterruptedException {
        Path out = scratch.resolve("h5dump-" + dataset.replace('/', '_') + ".bin");
        run(file, "-d", dataset, "-b", "LE", "-o", out.toString());
        return Files.readAllBytes(out);
    }
}
