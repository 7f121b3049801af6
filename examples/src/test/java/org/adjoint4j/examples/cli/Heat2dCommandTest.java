package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class Heat2dCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Adjoint4jCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsValueGradientsStatisticsAndAPassingTaylorVerdict() {
        int code = run("heat2d", "--cells", "24", "--steps", "80", "--snapshots", "5");
        String text = out.toString();
        assertEquals(0, code, text + err);
        assertTrue(text.contains("schedule binomial(steps=80, snapshots=5)"), text);
        assertTrue(text.matches("(?s).*J\\s+\\d\\.\\d+e[-+]\\d+.*"), text);
        assertTrue(text.contains("|dJ/dkappa|") && text.contains("|dJ/du0|"), text);
        assertTrue(text.contains("forward evaluations"), text);
        assertTrue(text.contains("VERDICT: PASS"), text);
    }

    @Test
    void badOptionsAreUsageErrorsWithExitCodeOne() {
        assertEquals(1, run("heat2d", "--cells", "many"));
        assertTrue(err.toString().contains("--cells"), err.toString());
        assertEquals(1, run("heat2d", "--snapshots", "0"));
        assertTrue(err.toString().contains("snapshots must be >= 1, was 0"), err.toString());
    }

    @Test
    void versionNamesTheProduct() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("adjoint4j "), out.toString());
    }
}
