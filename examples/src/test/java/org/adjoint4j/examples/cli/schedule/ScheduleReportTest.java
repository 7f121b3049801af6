package org.adjoint4j.examples.cli.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ScheduleReportTest {

    /** C(n, k) exactly, in long arithmetic for the small arguments used here. */
    private static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** Griewank's minimum number of forward steps t(l, s) + 1, with r the least integer where C(s+r, s) >= l. */
    private static long optimalForwardEvaluations(int l, int s) {
        int r = 0;
        while (binomial(s + r, s) < l) {
            r++;
        }
        return r * (long) l - binomial(s + r, s + 1) + 1;
    }

    private static JsonNode json(ScheduleReport report, boolean actions) throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            report.writeJson(g, actions);
        }
        return new ObjectMapper().readTree(w.toString());
    }

    @Test
    void binomialForwardEvaluationsAreGriewanksMinimum() {
        assertEquals(3637, optimalForwardEvaluations(1000, 10), "the example in docs/theory.md");
        for (int l : new int[] {1, 2, 5, 17, 100, 1000}) {
            for (int s : new int[] {1, 2, 3, 10}) {
                ScheduleReport r = ScheduleReport.of(ScheduleSpec.binomial(l, s), OptionalLong.empty());
                assertEquals(optimalForwardEvaluations(l, s), r.forwardEvaluations(), "l=" + l + ", s=" + s);
                assertTrue(r.memorySlots() <= Math.min(s, l - 1), "l=" + l + ", s=" + s + ": " + r.memorySlots() + " slots");
                assertEquals(0, r.diskSlots());
                assertEquals(r.forwardEvaluations(), r.predictedCost(), 0.0, "memory-only: cost = forward steps");
            }
        }
    }

    @Test
    void theDiskScheduleCostsItsWritesAndReads() {
        ScheduleReport free = ScheduleReport.of(ScheduleSpec.disk(100, 5, 0, 0), OptionalLong.empty());
        ScheduleReport r = ScheduleReport.of(ScheduleSpec.disk(100, 5, 2, 0.5), OptionalLong.empty());
        assertEquals(free.forwardEvaluations(), free.predictedCost(), 0.0);
        assertTrue(r.diskWrites() > 0 && r.diskReads() > 0);
        assertEquals(r.forwardEvaluations() + 2.0 * r.diskWrites() + 0.5 * r.diskReads(), r.predictedCost(), 1e-9);
    }

    @Test
    void storeAllComputesEveryStateOnceAndKeepsAll() throws Exception {
        JsonNode j = json(ScheduleReport.of(ScheduleSpec.storeAll(50), OptionalLong.of(1000)), false);
        assertEquals(50, j.get("forwardEvaluations").asLong());
        assertEquals(1.0, j.get("recomputeFactor").asDouble());
        assertEquals(49, j.get("memorySlots").asInt());
        assertEquals(49, j.get("memoryWrites").asLong());
        assertEquals(49, j.get("memoryReads").asLong());
        assertEquals(49_000, j.get("peakMemoryBytes").asLong());
        assertEquals(1000, j.get("bytesPerSlot").asLong());
        assertEquals("store-all", j.get("schedule").asText());
    }

    @Test
    void jsonHasTheDocumentedKeysAndActionsOnRequest() throws Exception {
        ScheduleReport report = ScheduleReport.of(ScheduleSpec.binomial(20, 3), OptionalLong.empty());
        JsonNode j = json(report, false);
        for (String key : new String[] {"schedule", "description", "steps", "memorySlotsAvailable", "memorySlots",
            "diskSlots", "forwardEvaluations", "adjointSteps", "recomputeFactor", "memoryWrites", "memoryReads",
            "diskWrites", "diskReads", "peakSnapshots", "actionCount", "predictedCost"}) {
            assertTrue(j.has(key), "missing " + key + " in " + j);
        }
        assertTrue(!j.has("actions") && !j.has("bytesPerSlot"), j.toString());
        JsonNode withActions = json(report, true);
        assertEquals(withActions.get("actionCount").asLong(), withActions.get("actions").size());
        assertEquals("{\"action\":\"store\",\"step\":0,\"tier\":\"memory\",\"slot\":0}",
                withActions.get("actions").get(0).toString());
        JsonNode lastAdjoint = null;
        for (JsonNode a : withActions.get("actions")) {
            if (a.get("action").asText().equals("adjoint")) {
                lastAdjoint = a;
            }
        }
        assertEquals(0, lastAdjoint.get("step").asInt(), "the reverse sweep ends at step 0");
    }

    @Test
    void theTableAndTheActionListAreReadable() {
        ScheduleReport report = ScheduleReport.of(ScheduleSpec.binomial(6, 2), OptionalLong.of(2048));
        StringWriter w = new StringWriter();
        PrintWriter out = new PrintWriter(w);
        report.printTable(out);
        report.printActions(out);
        out.flush();
        String text = w.toString();
        assertTrue(text.startsWith("schedule binomial(steps=6, snapshots=2)"), text);
        assertTrue(text.contains("forward evaluations    " + optimalForwardEvaluations(6, 2)), text);
        assertTrue(text.contains("bytes per slot         2048 B (2.0 KiB)"), text);
        assertTrue(text.contains("       0  store u_0 in memory slot 0"), text);
        assertTrue(text.contains("turn 5 (forward to u_6, then adjoint 5)"), text);
    }

    @Test
    void badSpecificationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.binomial(0, 3));
        assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.binomial(10, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScheduleSpec(ScheduleKind.STORE_ALL, 10, 3, 0, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> ScheduleReport.of(ScheduleSpec.storeAll(3), OptionalLong.of(0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleKind.named("revolve"));
        assertEquals("schedule must be one of binomial, store-all, multi-level, disk, online, was 'revolve'", e.getMessage());
    }
}
