package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.systemsx.cisd.hdf5.HDF5Factory;
import ch.systemsx.cisd.hdf5.IHDF5Reader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adjoint4j.examples.cli.model.FaultyHeat2dModelFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real run (a separate process) is killed with SIGKILL, once during the forward sweep and once during
 * the reverse sweep; {@code run --resume} then finishes it, and its gradient equals that of an
 * uninterrupted run bit for bit.
 */
class KilledRunResumeTest {

    private static final Pattern PROGRESS = Pattern.compile("forward (\\d+)/\\d+, adjoint (\\d+)/\\d+");

    @TempDir
    Path dir;

    private Path config(String name) throws IOException {
        return Files.writeString(dir.resolve(name + ".toml"), String.join("\n",
                "[model]", "type = \"faulty-heat2d\"", "cells = 20", "steps = 160", "delay_ms = 4",
                "[checkpointing]", "schedule = \"multi-level\"", "memory_slots = 3", "disk_slots = 6",
                "disk_costs = \"given\"", "write_cost = 1.0", "read_cost = 1.0",
                "directory = \"" + dir.resolve(name + "-run") + "\"", "journal_interval_seconds = 0.001",
                "[output]", "directory = \"" + dir.resolve(name + "-out") + "\"", "plots = false",
                "[progress]", "mode = \"log\"", "interval_seconds = 0.02", ""));
    }

    private static double[][] gradient(Path out) {
        try (IHDF5Reader h5 = HDF5Factory.openForReading(out.resolve("fields.h5").toFile())) {
            return new double[][] {h5.float64().readMDArray("/gradient/kappa").getAsFlatArray(),
                h5.float64().readMDArray("/gradient/u0").getAsFlatArray(),
                h5.float64().readMDArray("/final_state/u").getAsFlatArray()};
        }
    }

    /** Starts the run in a child JVM and kills it (SIGKILL) once its progress passes the given point. */
    private static void killDuring(Path config, boolean reverse, int atLeast) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.library.path=" + System.getProperty("java.library.path"), "--add-modules=jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                FaultyModelsMain.class.getName(), "run", config.toString()));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean killed = false;
        StringBuilder seen = new StringBuilder();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                seen.append(line).append('\n');
                Matcher m = PROGRESS.matcher(line);
                if (m.find()) {
                    int forward = Integer.parseInt(m.group(1));
                    int adjoint = Integer.parseInt(m.group(2));
                    if (reverse ? adjoint >= atLeast : adjoint == 0 && forward >= atLeast) {
                        p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no clean-up
                        killed = true;
                        break;
                    }
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not end");
        assertTrue(killed, "the run was not killed at the point asked for; it printed:\n" + seen);
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
    }

    @ParameterizedTest(name = "killed during the {0} sweep")
    @CsvSource({"forward, 90", "reverse, 60"})
    void aKilledRunResumesToTheUninterruptedGradientBitForBit(String sweep, int point) throws Exception {
        CommandRunner.Result reference = CommandRunner.run(FaultyHeat2dModelFactory.registryWithFaults(), "run",
                config("reference").toString());
        assertEquals(0, reference.code(), reference.toString());

        Path killed = config("killed");
        killDuring(killed, sweep.equals("reverse"), point);
        assertFalse(Files.exists(dir.resolve("killed-out")), "a killed run writes no output");
        assertTrue(Files.exists(dir.resolve("killed-run/journal")), "the journal survives the kill");

        CommandRunner.Result again = CommandRunner.run(FaultyHeat2dModelFactory.registryWithFaults(), "run",
                killed.toString());
        assertEquals(1, again.code(), "a run directory with an interrupted run needs --resume:\n" + again);
        assertTrue(again.err().contains("--resume"), again.err());

        CommandRunner.Result resumed = CommandRunner.run(FaultyHeat2dModelFactory.registryWithFaults(), "run",
                killed.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue(resumed.out().contains(", resumed"), resumed.out());
        double[][] expected = gradient(dir.resolve("reference-out"));
        double[][] actual = gradient(dir.resolve("killed-out"));
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(expected[k], actual[k], "field " + k + " after resuming from the " + sweep + " sweep");
        }
        assertFalse(Files.exists(dir.resolve("killed-run")), "a completed run removes its run directory");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"another configuration", "another rank count"})
    void resumeRefusesARunDirectoryOfAnotherRun(String change) throws Exception {
        Path killed = config("changed");
        killDuring(killed, true, 30);
        String[] override = change.equals("another configuration") ? new String[] {"--set", "model.cells=21"}
                : new String[] {"--ranks", "2"};
        List<String> args = new ArrayList<>(List.of("run", killed.toString(), "--resume"));
        args.addAll(List.of(override));
        CommandRunner.Result r = CommandRunner.run(FaultyHeat2dModelFactory.registryWithFaults(), args.toArray(new String[0]));
        assertTrue(r.code() == 1 || r.code() == 2, r.toString());
        assertTrue(r.err().contains("belongs to run") && r.err().contains("configuration and rank count of the interrupted run"),
                r.toString());
        assertFalse(Files.exists(dir.resolve("changed-out")));
    }

    @Test
    void anUnwritableRunDirectoryIsReportedBeforeTheComputation() throws Exception {
        Path blocked = Files.writeString(dir.resolve("a-file"), "not a directory");
        Path cfg = config("blocked");
        CommandRunner.Result r = CommandRunner.run(FaultyHeat2dModelFactory.registryWithFaults(), "run", cfg.toString(),
                "--set", "checkpointing.directory=" + blocked.resolve("run"), "--set", "model.delay_ms=0");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("checkpointing.directory '" + blocked.resolve("run") + "'"), r.err());
        assertFalse(r.err().contains("progress:"), "nothing was computed:\n" + r.err());
        assertFalse(Files.exists(dir.resolve("blocked-out")));
    }
}
