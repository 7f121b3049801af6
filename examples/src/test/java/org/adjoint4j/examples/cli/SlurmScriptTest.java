package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.adjoint4j.mpi.launch.MpjInstallation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm batch script, run with stand-ins for {@code srun --kill-on-bad-exit=1} and
 * {@code scontrol} (there is no Slurm here): daemonless niodev ranks, one JVM each.
 */
class SlurmScriptTest {

    @TempDir
    Path dir;

    private Path bin;

    @BeforeEach
    void fakeSlurm() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("srun", "scontrol")) {
            try (InputStream in = getClass().getResourceAsStream("/fake-slurm/" + tool)) {
                Path p = bin.resolve(tool);
                Files.copy(in, p);
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private Process sbatch(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "cluster/adjoint4j.sbatch"));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("job.log").toFile());
        Map<String, String> env = b.environment();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("SLURM_JOB_ID", "4242");
        env.put("SLURM_JOB_NODELIST", "localhost");
        env.put("SLURM_NTASKS", "3");
        env.put("ADJOINT4J_CLASSPATH", System.getProperty("java.class.path"));
        env.put("MPJ_HOME", MpjInstallation.locate().home().toString());
        env.put("JAVA_OPTS", "-Xmx256m");
        try (ServerSocket s = new ServerSocket(0)) {
            env.put("ADJOINT4J_PORT", Integer.toString(s.getLocalPort()));
        }
        return b.start();
    }

    private static String[] small(Path out) {
        return new String[] {"--set", "output.directory=" + out, "--set", "model.cells=12", "--set", "model.steps=20",
            "--set", "progress.mode=\"off\""};
    }

    @Test
    void theBatchScriptRunsTheRanksAndRankZeroWritesTheOutputs() throws Exception {
        Path out = dir.resolve("out");
        String[] args = new String[1 + small(out).length];
        args[0] = "configs/heat2d.toml";
        System.arraycopy(small(out), 0, args, 1, small(out).length);
        Process p = sbatch(args);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the job hung");
        String log = Files.readString(dir.resolve("job.log"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("3 ranks"), log);
        assertTrue(Files.exists(out.resolve("fields.h5")) && Files.exists(out.resolve("report.json")), log);
    }

    @Test
    void aFailingRankEndsTheBatchJobWithANonZeroCodeAndNoRankLeft() throws Exception {
        Path out = dir.resolve("out");
        Process p = sbatch("configs/heat2d.toml", "--set", "output.directory=" + out, "--set", "model.cells=2");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the job hung");
        String log = Files.readString(dir.resolve("job.log"));
        assertEquals(1, p.exitValue(), log);
        assertTrue(log.matches("(?s).*adjoint4j: rank \\d failed: .*key 'model.cells': 2 is not allowed.*"), log);
        assertFalse(Files.exists(out));
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive), "no rank JVM is left");
    }

    @Test
    void theScriptNamesItsUsage() throws Exception {
        Process p = new ProcessBuilder("bash", Paths.get("cluster/adjoint4j.sbatch").toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(new String(p.getInputStream().readAllBytes()).contains("usage: sbatch adjoint4j.sbatch CONFIG"));
    }
}
