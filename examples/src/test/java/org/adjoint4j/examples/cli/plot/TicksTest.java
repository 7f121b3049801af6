package org.adjoint4j.examples.cli.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void linearTicksAreMultiplesOfANiceStep() {
        Ticks t = Ticks.linear(0, 1, 5);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0}, t.values(), 1e-15);
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), t.labels());
        assertEquals("", t.scale());
        assertEquals(List.of("-20", "0", "20", "40"), Ticks.linear(-25, 45, 4).labels());
    }

    @Test
    void tinyRangesShowAScaleOnce() {
        Ticks t = Ticks.linear(-5.6e-6, 5.6e-6, 6);
        assertEquals(List.of("-4", "-2", "0", "2", "4"), t.labels());
        assertEquals("\u00d7 1e-6", t.scale());
    }

    @Test
    void logarithmicTicksAreDecadesOrOneTwoFive() {
        assertEquals(List.of("1e-12", "1e-11", "1e-10", "1e-9", "1e-8", "1e-7", "1e-6"), Ticks.logarithmic(1e-12, 1e-6).labels());
        assertEquals(List.of("5e-4", "1e-3", "2e-3", "5e-3", "1e-2", "2e-2"),
                Ticks.logarithmic(3e-4, 2.2e-2).labels());
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(0.2, Ticks.niceStep(0.17), 1e-15);
        assertEquals(50, Ticks.niceStep(31), 1e-12);
        assertEquals(1e-3, Ticks.niceStep(1e-3), 1e-18);
    }

    @Test
    void badRangesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ticks.linear(1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> Ticks.linear(0, Double.NaN, 5));
        assertThrows(IllegalArgumentException.class, () -> Ticks.logarithmic(0, 1));
    }
}
