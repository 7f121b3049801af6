package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.adjoint4j.adjoint.SweepStatistics;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.solvers.heat.Heat2dProblem;
import org.junit.jupiter.api.Test;

class ScheduleCommandTest {

    private static final int CELLS = 4;
    private static final long STATE_BYTES = CELLS * CELLS * 8;

    private static JsonNode json(String... args) throws IOException {
        CommandRunner.Result r = CommandRunner.run(args);
        assertEquals(0, r.code(), r.toString());
        return new ObjectMapper().readTree(r.out());
    }

    /** What the driver does for a heat2d run of {@code schedule.steps()} steps under {@code schedule}. */
    private static SweepStatistics driven(Schedule schedule) {
        Heat2dProblem p = Heat2dProblem.builder().cells(CELLS).steps(schedule.steps()).build();
        return p.driver(schedule).gradient(p.initialControls()).statistics();
    }

    private static void assertAgrees(JsonNode j, SweepStatistics s, String what) {
        assertEquals(s.forwardEvaluations(), j.get("forwardEvaluations").asLong(), what);
        assertEquals(s.adjointSteps(), j.get("adjointSteps").asLong(), what);
        assertEquals(s.usage(Tier.MEMORY).stores(), j.get("memoryWrites").asLong(), what);
        assertEquals(s.usage(Tier.MEMORY).restores(), j.get("memoryReads").asLong(), what);
        assertEquals(s.usage(Tier.MEMORY).peakSlots(), j.get("memorySlots").asInt(), what);
        assertEquals(s.usage(Tier.DISK).stores(), j.get("diskWrites").asLong(), what);
        assertEquals(s.usage(Tier.DISK).restores(), j.get("diskReads").asLong(), what);
        assertEquals(s.usage(Tier.DISK).peakSlots(), j.get("diskSlots").asInt(), what);
        assertEquals(s.peakSnapshots(), j.get("peakSnapshots").asInt(), what);
        assertEquals(s.peakBytes(Tier.MEMORY), j.get("peakMemoryBytes").asLong(), what);
        assertEquals(s.recomputeFactor(), j.get("recomputeFactor").asDouble(), 1e-15, what);
        assertEquals((double) s.forwardEvaluations(), j.get("predictedCost").asDouble(), what);
    }

    @Test
    void theJsonAgreesWithWhatTheDriverDoes() throws IOException {
        for (int steps : new int[] {1, 2, 7, 40, 100}) {
            for (int memory : new int[] {1, 2, 3, 10}) {
                JsonNode j = json("schedule", "--steps", Integer.toString(steps), "--memory", Integer.toString(memory),
                        "--state-bytes", Long.toString(STATE_BYTES), "--json");
                assertAgrees(j, driven(BinomialSchedule.of(steps, memory)), "binomial L=" + steps + ", S=" + memory);
            }
            JsonNode j = json("schedule", "--steps", Integer.toString(steps), "--schedule", "store-all",
                    "--state-bytes", Long.toString(STATE_BYTES), "--json");
            assertAgrees(j, driven(StoreAllSchedule.of(steps)), "store-all L=" + steps);
        }
    }

    @Test
    void theJsonHasAtLeastTheKeysOfTheIssue() throws IOException {
        JsonNode j = json("schedule", "--steps", "1000", "--memory", "10", "--json");
        assertEquals(1000, j.get("steps").asInt());
        assertEquals(10, j.get("memorySlots").asInt());
        assertEquals(0, j.get("diskSlots").asInt());
        assertEquals(3637, j.get("forwardEvaluations").asLong(), "docs/theory.md: l = 1000, s = 10");
        assertEquals(3.637, j.get("recomputeFactor").asDouble(), 1e-12);
        assertEquals(0, j.get("diskWrites").asLong());
        assertEquals(0, j.get("diskReads").asLong());
        assertEquals(3637.0, j.get("predictedCost").asDouble());
    }

    @Test
    void actionsAreListedInTheTableAndInTheJson() throws IOException {
        JsonNode j = json("schedule", "--steps", "12", "--memory", "3", "--json", "--actions");
        assertEquals(j.get("actionCount").asLong(), j.get("actions").size());
        CommandRunner.Result r = CommandRunner.run("schedule", "--steps", "12", "--memory", "3", "--actions");
        assertEquals(0, r.code(), r.toString());
        long listed = r.out().lines().filter(l -> l.matches("\\s+\\d+  \\S.*")).count();
        assertEquals(j.get("actionCount").asLong(), listed, r.out());
        assertTrue(r.out().contains("forward evaluations    " + j.get("forwardEvaluations").asLong()), r.out());
    }

    @Test
    void badOptionsAreUsageErrors() {
        String[][] cases = {
            {"--steps must be >= 1, was 0", "--steps", "0", "--memory", "3"},
            {"--memory S is required by --schedule binomial", "--steps", "10"},
            {"--memory must be >= 1, was 0", "--steps", "10", "--memory", "0"},
            {"--schedule must be one of binomial, store-all, was 'revolve'", "--steps", "10", "--schedule", "revolve"},
            {"--memory is not used by --schedule store-all", "--steps", "10", "--memory", "3", "--schedule", "store-all"},
            {"--state-bytes must be >= 1, was 0", "--steps", "10", "--memory", "3", "--state-bytes", "0"},
            {"Missing required option: '--steps=L'", "--memory", "3"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length];
            args[0] = "schedule";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            CommandRunner.Result r = CommandRunner.run(args);
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().contains(c[0]), "expected '" + c[0] + "' in:\n" + r.err());
        }
    }
}
