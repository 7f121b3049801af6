package org.adjoint4j.checkpoint.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MultiLevelScheduleTest {

    private static final double[] COSTS = {0, 0.5, 2, 10};
    private static final int UNLIMITED = -1;

    static MultiLevelSchedule schedule(int l, int memorySlots, int diskSlots, double w, double r) {
        MultiLevelSchedule.Builder b = MultiLevelSchedule.builder().steps(l).memorySlots(memorySlots)
                .writeCost(w).readCost(r);
        if (diskSlots == UNLIMITED) {
            b.unlimitedDisk();
        } else {
            b.diskSlots(diskSlots);
        }
        return b.build();
    }

    private static String describe(int l, int sm, int sd, double w, double r) {
        return "l=" + l + " s_m=" + sm + " s_d=" + (sd == UNLIMITED ? "unlimited" : sd) + " w=" + w + " r=" + r;
    }

    /** The schedule's predicted optimum, the cost of its replayed actions, and its declared slots agree. */
    private static ScheduleSummary replayConsistently(MultiLevelSchedule s, int sm, int sd, double w, double r,
                                                      String where) {
        ScheduleSummary summary = ScheduleSummary.of(s);
        assertEquals(s.optimalCost(), summary.cost(w, r), 1e-9 * s.optimalCost(), "replayed cost, " + where);
        assertEquals(s.slots(Tier.MEMORY), summary.usage(Tier.MEMORY).peakSlots(), "memory slots, " + where);
        assertEquals(s.slots(Tier.DISK), summary.usage(Tier.DISK).peakSlots(), "disk slots, " + where);
        assertTrue(s.slots(Tier.MEMORY) <= sm, "memory slots " + s.slots(Tier.MEMORY) + ", " + where);
        assertTrue(sd == UNLIMITED || s.slots(Tier.DISK) <= sd, "disk slots " + s.slots(Tier.DISK) + ", " + where);
        return summary;
    }

    static Stream<Arguments> largerExhaustiveCases() {
        return Stream.of(
                Arguments.of(9, 2, 1, 0.5, 2.0), Arguments.of(9, 1, 2, 2.0, 0.5), Arguments.of(10, 2, 2, 2.0, 2.0),
                Arguments.of(10, 1, UNLIMITED, 0.5, 0.5), Arguments.of(11, 2, 1, 0.0, 10.0),
                Arguments.of(11, 1, 2, 10.0, 0.0), Arguments.of(12, 2, 2, 0.5, 2.0), Arguments.of(12, 3, 1, 2.0, 0.5));
    }

    @ParameterizedTest(name = "l={0} s_m={1} s_d={2} w={3} r={4}")
    @MethodSource("largerExhaustiveCases")
    void optimalCostIsTheMinimumOverAllSchedulesFoundByExhaustiveSearch(int l, int sm, int sd, double w, double r) {
        double exhaustive = ExhaustiveTierSearch.minimalCost(l, sm, sd, w, r);
        MultiLevelSchedule s = schedule(l, sm, sd, w, r);
        assertEquals(exhaustive, s.optimalCost(), 1e-9, describe(l, sm, sd, w, r));
        replayConsistently(s, sm, sd, w, r, describe(l, sm, sd, w, r));
    }

    @Test
    void optimalCostAndTheGeneralRecursionAreTheMinimumOverAllSchedulesForEverySmallCase() {
        for (int l = 1; l <= 7; l++) {
            for (int sm = 1; sm <= 3; sm++) {
                for (int sd : new int[] {0, 1, 2, 3, UNLIMITED}) {
                    for (double w : COSTS) {
                        for (double r : COSTS) {
                            String where = describe(l, sm, sd, w, r);
                            double exhaustive = ExhaustiveTierSearch.minimalCost(l, sm, sd, w, r);
                            assertEquals(exhaustive, GeneralTierRecursion.minimalCost(l, sm, sd, w, r), 1e-9,
                                    "general recursion, " + where);
                            MultiLevelSchedule s = schedule(l, sm, sd, w, r);
                            assertEquals(exhaustive, s.optimalCost(), 1e-9, "schedule, " + where);
                            replayConsistently(s, sm, sd, w, r, where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void optimalCostEqualsTheGeneralRecursionUpToThirtySteps() {
        for (int l = 1; l <= 30; l++) {
            for (int sm = 1; sm <= 4; sm++) {
                for (int sd : new int[] {0, 1, 2, 3, 5, UNLIMITED}) {
                    for (double w : COSTS) {
                        for (double r : COSTS) {
                            String where = describe(l, sm, sd, w, r);
                            MultiLevelSchedule s = schedule(l, sm, sd, w, r);
                            assertEquals(GeneralTierRecursion.minimalCost(l, sm, sd, w, r), s.optimalCost(),
                                    1e-9 * s.optimalCost(), where);
                        }
                    }
                }
            }
        }
    }

    static Stream<Arguments> longerRuns() {
        List<Arguments> cases = new ArrayList<>();
        for (int l : new int[] {47, 100, 160}) {
            for (int[] slots : new int[][] {{1, 1}, {2, 3}, {3, 2}, {4, 6}, {2, UNLIMITED}}) {
                for (double[] wr : new double[][] {{0.5, 2}, {2, 0.5}, {1.3, 0.7}, {10, 10}, {0.25, 0.25}}) {
                    cases.add(Arguments.of(l, slots[0], slots[1], wr[0], wr[1]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "l={0} s_m={1} s_d={2} w={3} r={4}")
    @MethodSource("longerRuns")
    void optimalCostEqualsTheGeneralRecursionOnLongerRuns(int l, int sm, int sd, double w, double r) {
        String where = describe(l, sm, sd, w, r);
        MultiLevelSchedule s = schedule(l, sm, sd, w, r);
        assertEquals(GeneralTierRecursion.minimalCost(l, sm, sd, w, r), s.optimalCost(), 1e-9 * s.optimalCost(), where);
        replayConsistently(s, sm, sd, w, r, where);
    }

    static Stream<Arguments> replayCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int l : new int[] {2, 3, 13, 64, 257, 1000, 3001}) {
            for (int[] slots : new int[][] {{1, 1}, {1, UNLIMITED}, {3, 4}, {5, 20}, {10, UNLIMITED}, {20, 2}}) {
                for (double[] wr : new double[][] {{0, 0}, {0.5, 0.5}, {2, 2}, {3.7, 0.1}, {0.1, 3.7}, {40, 40}}) {
                    cases.add(Arguments.of(l, slots[0], slots[1], wr[0], wr[1]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "l={0} s_m={1} s_d={2} w={3} r={4}")
    @MethodSource("replayCases")
    void replayedActionsCostWhatTheProgrammePredictsWithinTheDeclaredSlots(int l, int sm, int sd, double w, double r) {
        String where = describe(l, sm, sd, w, r);
        ScheduleSummary summary = replayConsistently(schedule(l, sm, sd, w, r), sm, sd, w, r, where);
        assertEquals(l, summary.adjointSteps(), where);
    }

    @Test
    void withoutUsefulDiskItIsTheBinomialOptimum() {
        for (int l : new int[] {1, 2, 7, 100, 1000, 10_000}) {
            for (int sm : new int[] {1, 2, 5, 20}) {
                long binomial = BinomialScheduleTest.minimalForwardEvaluations(l, sm);
                ScheduleSummary noDisk = ScheduleSummary.of(schedule(l, sm, 0, 0, 0));
                assertEquals(binomial, noDisk.forwardEvaluations(), "no disk slots, l=" + l + " s_m=" + sm);
                assertEquals(0, noDisk.diskWrites());
                MultiLevelSchedule costly = schedule(l, sm, UNLIMITED, 1e9, 1e9);
                ScheduleSummary costlySummary = ScheduleSummary.of(costly);
                assertEquals(binomial, costly.optimalCost(), "disk at 1e9 steps, l=" + l + " s_m=" + sm);
                assertEquals(binomial, costlySummary.forwardEvaluations());
                assertEquals(0, costlySummary.diskWrites() + costlySummary.diskReads());
            }
        }
    }

    @Test
    void freeDiskSlotsActAsMoreMemorySlots() {
        // With w = r = 0 a disk slot is a memory slot: the optimum is binomial with s_m + s_d slots.
        assertEquals(BinomialScheduleTest.minimalForwardEvaluations(10_000, 120),
                schedule(10_000, 20, 100, 0, 0).optimalCost());
        for (int l : new int[] {5, 50, 500}) {
            for (int[] slots : new int[][] {{1, 1}, {2, 5}, {4, 3}}) {
                assertEquals(BinomialScheduleTest.minimalForwardEvaluations(l, slots[0] + slots[1]),
                        schedule(l, slots[0], slots[1], 0, 0).optimalCost(), "l=" + l + " slots " + slots[0] + "+" + slots[1]);
            }
            // and unlimited free disk stores every state once
            assertEquals(l, schedule(l, 1, UNLIMITED, 0, 0).optimalCost(), "l=" + l);
        }
    }

    @Test
    void tenThousandStepsWithTwentyMemorySlotsBuildForHundredAndForUnlimitedDiskSlots() {
        MultiLevelSchedule limited = schedule(10_000, 20, 100, 2, 2);
        MultiLevelSchedule unlimited = schedule(10_000, 20, UNLIMITED, 2, 2);
        ScheduleSummary l = replayConsistently(limited, 20, 100, 2, 2, "limited");
        ScheduleSummary u = replayConsistently(unlimited, 20, UNLIMITED, 2, 2, "unlimited");
        double binomial = BinomialScheduleTest.minimalForwardEvaluations(10_000, 20);
        assertTrue(u.cost(2, 2) <= l.cost(2, 2) && l.cost(2, 2) < binomial,
                "unlimited " + u.cost(2, 2) + " <= 100 slots " + l.cost(2, 2) + " < memory only " + binomial);
    }

    @Test
    void refusesATableBeyondItsLimitUnlessTheUnlimitedOptimumFits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> schedule(100_000, 20, 50, 0, 0));
        assertTrue(e.getMessage().contains("50 disk slots needs 5000050 cells, more than the limit of 4194304"),
                e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> schedule(5_000_000, 20, UNLIMITED, 1, 1))
                .getMessage().contains("5000000 steps needs 5000001 cells"));
        // Without disk there is no table: any length, at the binomial optimum.
        assertEquals(BinomialScheduleTest.minimalForwardEvaluations(1_000_000_000, 20),
                schedule(1_000_000_000, 20, 0, 0, 0).optimalCost());
        // Expensive disk: the unlimited optimum holds few disk states, so a large limit is no obstacle.
        MultiLevelSchedule fits = schedule(100_000, 20, 1000, 30, 30);
        assertTrue(fits.slots(Tier.DISK) <= 1000);
        assertEquals(schedule(100_000, 20, UNLIMITED, 30, 30).optimalCost(), fits.optimalCost());
    }

    @Test
    void walkingTwiceGivesTheSameActions() {
        MultiLevelSchedule s = schedule(500, 3, 4, 1.5, 0.5);
        assertEquals(s.actions().toList(), s.actions().toList());
    }

    @Test
    void rejectsInvalidOptionsNamingThem() {
        assertEquals("steps must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> MultiLevelSchedule.builder().steps(0)).getMessage());
        assertEquals("memorySlots must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> MultiLevelSchedule.builder().memorySlots(0)).getMessage());
        assertEquals("diskSlots must be >= 0, was -2", assertThrows(IllegalArgumentException.class,
                () -> MultiLevelSchedule.builder().diskSlots(-2)).getMessage());
        assertEquals("writeCost must be finite and >= 0, was NaN", assertThrows(IllegalArgumentException.class,
                () -> MultiLevelSchedule.builder().writeCost(Double.NaN)).getMessage());
        assertEquals("readCost must be finite and >= 0, was -1.0", assertThrows(IllegalArgumentException.class,
                () -> MultiLevelSchedule.builder().readCost(-1)).getMessage());
        assertEquals("steps must be set", assertThrows(IllegalStateException.class,
                () -> MultiLevelSchedule.builder().memorySlots(2).build()).getMessage());
        assertEquals("writeCost and readCost must be set when disk slots are available",
                assertThrows(IllegalStateException.class,
                        () -> MultiLevelSchedule.builder().steps(5).memorySlots(2).diskSlots(1).readCost(1).build())
                        .getMessage());
    }
}
