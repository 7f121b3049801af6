package org.adjoint4j.mpi.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.LaunchOptions;
import org.adjoint4j.mpi.launch.MulticoreLauncher;
import org.adjoint4j.mpi.launch.NiodevLauncher;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real MPJ Express jobs: the multicore device in a child JVM and niodev across separate JVMs. */
class MpjLaunchTest {

    private static final String PROBE = JobProbe.class.getName();
    private static final LaunchOptions OPTIONS = LaunchOptions.builder().timeout(Duration.ofSeconds(60)).build();

    @TempDir
    Path dir;

    private String inProcess(int ranks) throws Exception {
        Path out = dir.resolve("threads.out");
        JobResult r = ThreadLauncher.run(ranks, new JobProbe(), new String[] {out.toString(), "-1", "none"},
                Duration.ofSeconds(30));
        assertTrue(r.ok(), r.message());
        return Files.readString(out);
    }

    @Test
    void multicoreJobGivesTheInProcessResult() throws Exception {
        Path out = dir.resolve("multicore.out");
        JobResult r = MulticoreLauncher.run(4, PROBE, List.of(out.toString(), "-1", "none"), OPTIONS);
        assertTrue(r.ok(), r.message());
        assertEquals(inProcess(4), Files.readString(out));
    }

    @Test
    void niodevJobOfThreeJvmsGivesTheInProcessResult() throws Exception {
        Path out = dir.resolve("niodev.out");
        JobResult r = NiodevLauncher.run(3, PROBE, List.of(out.toString(), "-1", "none"), OPTIONS);
        assertTrue(r.ok(), r.message());
        assertEquals(inProcess(3), Files.readString(out));
        assertNoRankLeft();
    }

    @Test
    void twoNiodevJobsAtOnceDoNotClash() throws Exception {
        CompletableFuture<JobResult> a = CompletableFuture.supplyAsync(
                () -> NiodevLauncher.run(2, PROBE, List.of(dir.resolve("a.out").toString(), "-1", "none"), OPTIONS));
        CompletableFuture<JobResult> b = CompletableFuture.supplyAsync(
                () -> NiodevLauncher.run(3, PROBE, List.of(dir.resolve("b.out").toString(), "-1", "none"), OPTIONS));
        assertTrue(a.get().ok(), a.get().message());
        assertTrue(b.get().ok(), b.get().message());
        assertEquals(inProcess(2), Files.readString(dir.resolve("a.out")));
    }

    @Test
    void aThrowingRankEndsTheMulticoreJobNamingRankAndCause() {
        long start = System.nanoTime();
        JobResult r = MulticoreLauncher.run(3, PROBE, List.of(dir.resolve("x").toString(), "2", "late"), OPTIONS);
        assertEquals(1, r.exitCode());
        assertEquals(2, r.failedRank());
        assertTrue(r.message().contains("probe failure after communicating"), r.message());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
        assertNoRankLeft();
    }

    @Test
    void aThrowingRankEndsTheNiodevJobAndNoJvmRemains() {
        long start = System.nanoTime();
        JobResult r = NiodevLauncher.run(3, PROBE, List.of(dir.resolve("x").toString(), "1", "late"), OPTIONS);
        assertEquals(1, r.exitCode());
        assertEquals(1, r.failedRank());
        assertTrue(r.message().startsWith("rank 1 failed: java.lang.IllegalStateException"), r.message());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
        assertNoRankLeft();
    }

    @Test
    void aRankThatExitsEndsTheNiodevJobWithItsCode() {
        JobResult r = NiodevLauncher.run(3, PROBE, List.of(dir.resolve("x").toString(), "2", "exit"), OPTIONS);
        assertEquals(3, r.exitCode());
        assertEquals(2, r.failedRank());
        assertEquals("rank 2 exited with code 3", r.message());
        assertNoRankLeft();
    }

    @Test
    void aHungJobIsKilledAtItsTimeLimit() {
        LaunchOptions quick = LaunchOptions.builder().timeout(Duration.ofSeconds(3)).build();
        // rank 0 waits for a message rank 1 never sends
        JobResult r = NiodevLauncher.run(2, HangingProbe.class.getName(), List.of(), quick);
        assertEquals(JobResult.TIMEOUT, r.exitCode());
        assertNoRankLeft();
    }

    private static void assertNoRankLeft() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        assertTrue(left.isEmpty(), "processes left: " + left);
    }
}
