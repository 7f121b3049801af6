package org.adjoint4j.mpi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.adjoint4j.mpi.ReduceOp;
import org.junit.jupiter.api.Test;

class ThreadLauncherTest {

    @Test
    void aRankThatThrowsEndsTheJobPromptlyNamingTheRank() {
        long start = System.nanoTime();
        JobResult r = ThreadLauncher.run(4, (comm, args) -> {
            if (comm.rank() == 2) {
                throw new IllegalStateException("broken on purpose");
            }
            comm.barrier(); // the others would wait here for ever
        }, new String[0], Duration.ofSeconds(60));
        assertFalse(r.ok());
        assertEquals(1, r.exitCode());
        assertEquals(2, r.failedRank());
        assertInstanceOf(IllegalStateException.class, r.cause());
        assertEquals("rank 2 failed: java.lang.IllegalStateException: broken on purpose", r.message());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "no hang");
    }

    @Test
    void abortGivesItsExitCode() {
        JobResult r = ThreadLauncher.run(3, (comm, args) -> {
            if (comm.rank() == 1) {
                comm.abort(7, "bad input");
            }
            double[] x = new double[1];
            comm.receive(x, 0, 1, 1, 5);
        }, new String[0], Duration.ofSeconds(30));
        assertEquals(7, r.exitCode());
        assertEquals(1, r.failedRank());
    }

    @Test
    void aHungJobTimesOut() {
        JobResult r = ThreadLauncher.run(2, (comm, args) -> {
            if (comm.rank() == 0) {
                double[] x = new double[1];
                comm.receive(x, 0, 1, 1, 1); // never sent
            }
        }, new String[0], Duration.ofMillis(500));
        assertEquals(JobResult.TIMEOUT, r.exitCode());
    }

    @Test
    void collectivesAgreeOnEveryRank() {
        JobResult r = ThreadLauncher.run(5, (comm, args) -> {
            double sum = comm.allreduce(comm.rank() + 0.5, ReduceOp.SUM);
            assertEquals(12.5, sum);
            double[] v = {comm.rank(), -comm.rank(), comm.rank() == 3 ? Double.NaN : 0};
            comm.allreduce(v, 0, 3, ReduceOp.MAX);
            assertEquals(4.0, v[0]);
            assertEquals(0.0, v[1]);
            assertTrue(Double.isNaN(v[2]), "NaN wins in MAX");
            double[] b = {comm.rank() == 4 ? 42 : 0, 0};
            comm.broadcast(b, 0, 1, 4);
            assertEquals(42.0, b[0]);
            double[] out = {comm.rank()};
            double[] in = new double[1];
            int next = (comm.rank() + 1) % comm.size();
            int previous = (comm.rank() + comm.size() - 1) % comm.size();
            comm.sendrecv(out, 0, 1, next, 9, in, 0, 1, previous, 9);
            assertEquals(previous, in[0]);
            comm.barrier();
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(r.ok(), r.message());
    }
}
