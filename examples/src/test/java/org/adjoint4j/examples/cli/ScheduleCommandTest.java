package org.adjoint4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.SweepStatistics;
import org.adjoint4j.checkpoint.Schedule;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.DynamicSchedule;
import org.adjoint4j.checkpoint.schedule.MultiLevelSchedule;
import org.adjoint4j.checkpoint.schedule.OnDiskSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.checkpoint.storage.Hdf5SnapshotStore;
import org.adjoint4j.solvers.heat.Heat2dProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        double w = j.has("writeCost") ? j.get("writeCost").asDouble() : 0;
        double r = j.has("readCost") ? j.get("readCost").asDouble() : 0;
        assertEquals(s.forwardEvaluations() + w * s.usage(Tier.DISK).stores() + r * s.usage(Tier.DISK).restores(),
                j.get("predictedCost").asDouble(), 1e-9, what);
    }

    /** What the driver does with an HDF5 disk tier. */
    private static SweepStatistics drivenWithDisk(Schedule schedule, Path dir) {
        Heat2dProblem p = Heat2dProblem.builder().cells(CELLS).steps(schedule.steps()).build();
        try (Hdf5SnapshotStore disk = Hdf5SnapshotStore.builder().directory(dir).layout(p.stepper().stateLayout().snapshotLayout())
                .rank(0).capacity(Math.max(1, schedule.slots(Tier.DISK))).runIdentity("schedule-test").build()) {
            return p.driverBuilder(schedule).store(disk).build().gradient(p.initialControls()).statistics();
        }
    }

    @Test
    void theJsonOfDiskAndOnlineSchedulesAgreesWithWhatTheDriverDoes(@TempDir Path dir) throws IOException {
        for (int steps : new int[] {2, 13, 60}) {
            JsonNode multi = json("schedule", "--steps", Integer.toString(steps), "--memory", "2", "--disk", "3",
                    "--write-cost", "1.5", "--read-cost", "0.5", "--state-bytes", Long.toString(STATE_BYTES), "--json");
            assertEquals("multi-level", multi.get("schedule").asText());
            assertAgrees(multi, drivenWithDisk(MultiLevelSchedule.builder().steps(steps).memorySlots(2).diskSlots(3)
                    .writeCost(1.5).readCost(0.5).build(), dir.resolve("m" + steps)), "multi-level L=" + steps);
            JsonNode disk = json("schedule", "--steps", Integer.toString(steps), "--schedule", "disk", "--disk", "4",
                    "--state-bytes", Long.toString(STATE_BYTES), "--json");
            assertAgrees(disk, drivenWithDisk(OnDiskSchedule.of(BinomialSchedule.of(steps, 4)), dir.resolve("d" + steps)),
                    "disk L=" + steps);
            JsonNode online = json("schedule", "--steps", Integer.toString(steps), "--memory", "3", "--online",
                    "--state-bytes", Long.toString(STATE_BYTES), "--json");
            Heat2dProblem p = Heat2dProblem.builder().cells(CELLS).steps(steps).build();
            SweepStatistics s = AdjointDriver.builder().stepper(p.stepper()).initialState(p.initialState())
                    .objective(p.objective()).onlineSchedule(DynamicSchedule.of(3), 1_000_000).build()
                    .gradient(p.initialControls()).statistics();
            assertAgrees(online, s, "online L=" + steps);
        }
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
            {"--schedule must be one of binomial, store-all, multi-level, disk, online, was 'revolve'", "--steps", "10",
                "--schedule", "revolve"},
            {"--disk is for the multi-level and disk schedules, not store-all", "--steps", "10", "--schedule", "store-all",
                "--disk", "3"},
            {"--online goes with --schedule online, not binomial", "--steps", "10", "--memory", "3", "--online",
                "--schedule", "binomial"},
            {"--disk D (>= 1) is required by the disk schedule", "--steps", "10", "--schedule", "disk"},
            {"--write-cost must be a finite number >= 0, was -1.0", "--steps", "10", "--memory", "3", "--disk", "2",
                "--write-cost", "-1"},
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
