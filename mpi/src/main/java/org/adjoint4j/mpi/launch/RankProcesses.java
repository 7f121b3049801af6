package org.adjoint4j.mpi.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Supervises the JVMs of one job: standard output passes through, standard error is forwarded line by
 * line while the failure reports of ranks ("adjoint4j: rank R failed: ...") are noted. The first JVM
 * that exits with a non-zero code, or the time limit, ends the job: every other JVM (and anything it
 * started) is killed, so nothing is left running.
 */
final class RankProcesses {

    private static final Pattern REPORT = Pattern.compile("adjoint4j: rank (-?\\d+) (failed|aborted)(.*)");
    private static final long POLL_MILLIS = 20;

    private final List<Process> processes = new ArrayList<>();
    private final List<Thread> forwarders = new ArrayList<>();
    private volatile int reportedRank = -1;
    private volatile String report;

    /** Starts the JVMs; {@code processRanks} says whether JVM {@code k} is rank {@code k} (niodev) or holds them all. */
    JobResult run(List<ProcessBuilder> builders, Duration timeout, boolean processRanks) throws IOException {
        Thread hook = new Thread(this::killAll, "adjoint4j-job-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (ProcessBuilder b : builders) {
                b.redirectOutput(ProcessBuilder.Redirect.INHERIT);
                b.redirectError(ProcessBuilder.Redirect.PIPE);
                Process p = b.start();
                processes.add(p);
                forward(p);
            }
            JobResult result = supervise(timeout, processRanks);
            for (Thread t : forwarders) {
                t.join(TimeUnit.SECONDS.toMillis(5));
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killAll();
            return new JobResult(130, -1, "the launcher was interrupted; the job was killed", null);
        } finally {
            killAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private JobResult supervise(Duration timeout, boolean processRanks) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean allDone = true;
            for (int k = 0; k < processes.size(); k++) {
                Process p = processes.get(k);
                if (p.isAlive()) {
                    allDone = false;
                } else if (p.exitValue() != 0) {
                    int code = p.exitValue();
                    killAll();
                    awaitForwarders();
                    int rank = reportedRank >= 0 ? reportedRank : processRanks ? k : -1;
                    String message = report != null ? "rank " + reportedRank + " " + report
                            : processRanks ? "rank " + k + " exited with code " + code
                            : "the job's JVM exited with code " + code;
                    return new JobResult(code, rank, message, null);
                }
            }
            if (allDone) {
                return JobResult.success();
            }
            if (System.nanoTime() > deadline) {
                killAll();
                return new JobResult(JobResult.TIMEOUT, -1, "the job exceeded its time limit of " + timeout.toSeconds()
                        + " s and was killed", null);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private void awaitForwarders() throws InterruptedException {
        for (Thread t : forwarders) {
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void forward(Process p) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Matcher m = REPORT.matcher(line);
                    if (m.find()) {
                        synchronized (this) {
                            if (report == null) {
                                reportedRank = Integer.parseInt(m.group(1));
                                report = m.group(2) + m.group(3);
                            }
                        }
                    }
                    System.err.println(line);
                }
            } catch (IOException closed) {
                // the process is gone
            }
        }, "adjoint4j-stderr");
        t.setDaemon(true);
        t.start();
        forwarders.add(t);
    }

    private void killAll() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
