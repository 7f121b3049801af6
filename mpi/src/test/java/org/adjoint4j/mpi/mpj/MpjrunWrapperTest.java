package org.adjoint4j.mpi.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.MpjInstallation;
import org.adjoint4j.mpi.launch.MpjrunWrapper;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MPJ Express's own mpjrun, with a niodev daemon on loopback, through the wrapper that fails fast. */
class MpjrunWrapperTest {

    private static PrivateMpjDaemon daemon;
    private static Path machines;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = PrivateMpjDaemon.start(shared.resolve("mpj"));
        machines = Files.writeString(shared.resolve("machines"), "localhost\n");
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        daemon.close();
    }

    private int mpjrun(ByteArrayOutputStream err, String device, int np, String... jobArgs) throws InterruptedException {
        String cp = System.getProperty("java.class.path");
        String[] head = device.equals("niodev")
                ? new String[] {"-np", Integer.toString(np), "-dev", "niodev", "-machinesfile", machines.toString(), "-cp", cp}
                : new String[] {"-np", Integer.toString(np), "-dev", "multicore", "-cp", cp};
        String[] args = new String[head.length + 2 + jobArgs.length];
        System.arraycopy(head, 0, args, 0, head.length);
        args[head.length] = "org.adjoint4j.mpi.mpj.MpjRank";
        args[head.length + 1] = JobProbe.class.getName();
        System.arraycopy(jobArgs, 0, args, head.length + 2, jobArgs.length);
        return MpjrunWrapper.run(args, MpjInstallation.at(daemon.home()), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String inProcess(int ranks) throws Exception {
        Path out = dir.resolve("threads.out");
        JobResult r = ThreadLauncher.run(ranks, new JobProbe(), new String[] {out.toString(), "-1", "none"}, Duration.ofSeconds(30));
        assertTrue(r.ok(), r.message());
        return Files.readString(out);
    }

    @Test
    void niodevJobThroughTheDaemonGivesTheInProcessResult() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = dir.resolve("niodev.out");
        assertEquals(0, mpjrun(err, "niodev", 3, out.toString(), "-1", "none"), err.toString());
        assertEquals(inProcess(3), Files.readString(out));
    }

    @Test
    void aThrowingRankEndsTheDaemonJobWithExitCodeOne() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        assertEquals(1, mpjrun(err, "niodev", 3, dir.resolve("x").toString(), "2", "late"));
        assertTrue(err.toString().contains("rank 2 failed: java.lang.IllegalStateException: probe failure after communicating"),
                err.toString());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
        assertTrue(daemon.awaitNoRanks(Duration.ofSeconds(15)), "the daemon killed the other ranks");
    }

    @Test
    void aRankThatDiesWithoutAWordEndsTheDaemonJob() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, mpjrun(err, "niodev", 3, dir.resolve("x").toString(), "1", "exit"));
        assertTrue(err.toString().contains("rank 1 died"), err.toString());
        assertTrue(daemon.awaitNoRanks(Duration.ofSeconds(15)), "the daemon killed the other ranks");
    }

    @Test
    void multicoreThroughMpjrunFailsWithANonZeroCode() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = dir.resolve("multicore.out");
        assertEquals(0, mpjrun(err, "multicore", 2, out.toString(), "-1", "none"), err.toString());
        assertEquals(inProcess(2), Files.readString(out));
        assertEquals(1, mpjrun(err, "multicore", 3, dir.resolve("x").toString(), "0", "late"));
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, MpjrunWrapper.run(new String[] {"-np", "2", "my.Main"}, MpjInstallation.at(daemon.home()),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString().contains("usage"), err.toString());
        err.reset();
        assertEquals(2, MpjrunWrapper.run(new String[] {"-np", "0", "org.adjoint4j.mpi.mpj.MpjRank", "my.Main"},
                MpjInstallation.at(daemon.home()), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString().contains("-np must be at least 1, was 0"), err.toString());
    }
}
