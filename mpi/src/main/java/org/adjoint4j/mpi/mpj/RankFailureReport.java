package org.adjoint4j.mpi.mpj;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The lines a failing rank prints on standard error before its JVM halts. They start with
 * {@link #MARKER} so that launchers watching the output (the mpjrun wrapper) can recognise them.
 */
public final class RankFailureReport {

    /** Prefix of every report line. */
    public static final String MARKER = "adjoint4j: rank ";

    private RankFailureReport() {
    }

    /** Reports an exception that ended rank {@code rank}. */
    static void failed(int rank, Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        print(MARKER + rank + " failed: " + cause + System.lineSeparator() + trace);
    }

    /** Reports a call of abort on rank {@code rank}. */
    static void aborted(int rank, int exitCode, String reason) {
        print(MARKER + rank + " aborted the job (exit code " + exitCode + "): " + reason);
    }

    private static void print(String text) {
        System.out.flush();
        System.err.println(text);
        System.err.flush();
    }
}
