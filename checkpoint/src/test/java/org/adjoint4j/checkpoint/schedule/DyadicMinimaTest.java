package org.adjoint4j.checkpoint.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DyadicMinimaTest {

    @Test
    void blocksHoldTheMinimaOfWhatWasPutAndCoversBoundEveryRangeFromBelow() {
        int n = 1000;
        double[] values = new double[n];
        Random random = new Random(7);
        DyadicMinima m = new DyadicMinima(n);
        int filled = 600;
        for (int i = 0; i < filled; i++) {
            values[i] = random.nextDouble() * 100 - 10;
            m.put(i, values[i]);
        }
        for (int level = 0; level < m.levels(); level++) {
            for (int block = 0; (block << level) < n; block++) {
                double expected = Double.POSITIVE_INFINITY;
                for (int i = block << level; i < Math.min(n, (block + 1) << level); i++) {
                    expected = i < filled ? Math.min(expected, values[i]) : expected;
                }
                assertEquals(expected, m.block(level, block), "level " + level + " block " + block);
            }
        }
        for (int trial = 0; trial < 2000; trial++) {
            int lo = random.nextInt(filled);
            int hi = lo + random.nextInt(filled - lo);
            int level = 0;
            while ((1 << level) < hi - lo + 1) {
                level++;
            }
            double min = Double.POSITIVE_INFINITY;
            for (int i = lo; i <= hi; i++) {
                min = Math.min(min, values[i]);
            }
            assertTrue(m.cover(level, lo, hi) <= min, "range [" + lo + ", " + hi + "]");
        }
        assertEquals(11, m.levels(), "2^10 >= 1000 indices: levels 0..10");
    }
}
