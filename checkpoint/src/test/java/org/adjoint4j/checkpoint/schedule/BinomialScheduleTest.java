package org.adjoint4j.checkpoint.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adjoint4j.checkpoint.ActionCursor;
import org.adjoint4j.checkpoint.ScheduleSummary;
import org.adjoint4j.checkpoint.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BinomialScheduleTest {

    /** t(l, s) + 1 from the closed form, in exact arithmetic. */
    static long minimalForwardEvaluations(int l, int s) {
        int r = 0;
        while (binomial(s + r, s).compareTo(BigInteger.valueOf(l)) < 0) {
            r++;
        }
        BigInteger t = BigInteger.valueOf((long) r * l).subtract(binomial(s + r, s + 1));
        return t.longValueExact() + 1;
    }

    static BigInteger binomial(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger b = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            b = b.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return b;
    }

    static Stream<Arguments> grid() {
        List<Arguments> cases = new ArrayList<>();
        for (int l : new int[] {1, 2, 3, 5, 10, 100, 1000, 10_000, 100_000}) {
            for (int s : new int[] {1, 2, 3, 5, 10, 20, 50}) {
                if (s <= l) {
                    cases.add(Arguments.of(l, s));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "l={0}, s={1}")
    @MethodSource("grid")
    void callsForwardExactlyTheMinimalNumberOfTimesAndStaysWithinItsSlots(int l, int s) {
        ScheduleSummary summary = ScheduleSummary.of(BinomialSchedule.of(l, s)); // also checks consistency

        assertEquals(minimalForwardEvaluations(l, s), summary.forwardEvaluations(), "forward evaluations");
        assertEquals(l, summary.adjointSteps());
        assertTrue(summary.peakSnapshots() <= s, "peak " + summary.peakSnapshots() + " > s=" + s);
        assertEquals(summary.peakSnapshots(), summary.usage(Tier.MEMORY).peakSlots());
    }

    @Test
    void thousandStepsWithTenSlotsTake3637ForwardEvaluations() {
        assertEquals(3637, ScheduleSummary.of(BinomialSchedule.of(1000, 10)).forwardEvaluations());
    }

    @Test
    void millionStepsWithTwentySlotsAreGeneratedLazilyAndOptimally() {
        ActionCursor c = BinomialSchedule.of(1_000_000, 20).cursor();
        long forward = 0;
        while (c.next()) {
            switch (c.kind()) {
                case ADVANCE: forward += c.to() - c.step(); break;
                case TURN: forward++; break;
                default: break;
            }
        }
        assertEquals(minimalForwardEvaluations(1_000_000, 20), forward);
    }

    @Test
    void costIsTheMinimumFoundByExhaustiveSearchOverAllSchedules() {
        for (int l = 1; l <= 9; l++) {
            for (int s = 1; s <= Math.min(l, 4); s++) {
                long exhaustive = ExhaustiveScheduleSearch.minimalForwardEvaluations(l, s);
                assertEquals(exhaustive, minimalForwardEvaluations(l, s), "closed form vs search, l=" + l + " s=" + s);
                assertEquals(exhaustive, ScheduleSummary.of(BinomialSchedule.of(l, s)).forwardEvaluations(),
                        "schedule vs search, l=" + l + " s=" + s);
            }
        }
    }

    @Test
    void moreSlotsThanStepsStoreEveryStateOnce() {
        ScheduleSummary summary = ScheduleSummary.of(BinomialSchedule.of(7, 50));
        assertEquals(7, summary.forwardEvaluations());
        assertEquals(6, summary.peakSnapshots());
        assertEquals(ScheduleSummary.of(StoreAllSchedule.of(7)).forwardEvaluations(), summary.forwardEvaluations());
    }

    @Test
    void walkingTwiceGivesTheSameActions() {
        BinomialSchedule schedule = BinomialSchedule.of(300, 4);
        assertEquals(schedule.actions().toList(), schedule.actions().toList());
    }

    @Test
    void splitStaysInsideTheRange() {
        for (int length = 2; length <= 400; length++) {
            for (int free = 1; free <= 12; free++) {
                int m = BinomialSchedule.split(length, free);
                assertTrue(m >= 1 && m <= length - 1, "split(" + length + ", " + free + ") = " + m);
            }
        }
    }

    @Test
    void rejectsNonPositiveStepsAndSnapshotsNamingThem() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> BinomialSchedule.of(0, 3));
        assertEquals("steps must be >= 1, was 0", steps.getMessage());
        IllegalArgumentException slots = assertThrows(IllegalArgumentException.class, () -> BinomialSchedule.of(10, 0));
        assertEquals("snapshots must be >= 1, was 0", slots.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BinomialSchedule.of(-5, 3));
    }
}
