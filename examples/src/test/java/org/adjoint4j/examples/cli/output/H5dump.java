package org.adjoint4j.examples.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads HDF5 files back with the HDF5 reference tool h5dump (Debian package hdf5-tools). */
public final class H5dump {

    private static final Pattern DATASPACE = Pattern.compile("DATASPACE\\s+SIMPLE \\{ \\( ([0-9, ]+) \\) /");

    private H5dump() {
    }

    /** The output of {@code h5dump ARGS FILE}; fails the test if h5dump fails. */
    public static String run(Path file, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("h5dump");
        command.addAll(List.of(args));
        command.add(file.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "h5dump did not finish");
        assertEquals(0, p.exitValue(), "h5dump " + command + " failed:\n" + out);
        return out;
    }

    /** The dimensions of dataset {@code path} as h5dump reports them, slowest first. */
    public static List<Integer> shape(Path file, String path) throws IOException, InterruptedException {
        String header = run(file, "-H", "-d", path);
        Matcher m = DATASPACE.matcher(header);
        if (!m.find()) {
            throw new AssertionError("no simple dataspace for " + path + " in:\n" + header);
        }
        List<Integer> dims = new ArrayList<>();
        for (String d : m.group(1).split(",")) {
            dims.add(Integer.parseInt(d.trim()));
        }
        return dims;
    }

    /** The values of dataset {@code path} in storage order, printed by h5dump with 17 significant digits. */
    public static double[] values(Path file, String path) throws IOException, InterruptedException {
        String dump = run(file, "-d", path, "-m", "%.17g", "-w", "0");
        int start = dump.indexOf("DATA {") + 6;
        String data = dump.substring(start, dump.indexOf('}', start));
        data = data.replaceAll("\\([0-9,]+\\):", " ");
        List<Double> values = new ArrayList<>();
        for (String token : data.split("[,\\s}]+")) {
            if (!token.isBlank()) {
                values.add(Double.parseDouble(token));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
