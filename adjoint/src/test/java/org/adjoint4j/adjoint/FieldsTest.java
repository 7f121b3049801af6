package org.adjoint4j.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FieldsTest {

    private final FieldSpec spec = FieldSpec.of("u", 3, 2, 1);
    private final Fields u = new Fields(FieldLayout.of(spec));

    @Test
    void ownedCellsAreLaidOutXFastestInsideTheGhostFrame() {
        assertEquals(5, spec.stride());
        assertEquals(20, spec.storedLength());
        assertEquals(6, spec.index(0, 0));
        assertEquals(13, spec.index(2, 1));
        u.setOwned(0, new double[] {1, 2, 3, 4, 5, 6});
        assertEquals(6.0, u.get(0)[spec.index(2, 1)]);
        assertEquals(0.0, u.get(0)[spec.index(-1, 0)]);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, u.owned(0));
    }

    @Test
    void aNaNAnywhereMakesTheMaximumNaN() {
        u.setOwned(0, new double[] {1, Double.NaN, 0.5, 0.25, 0.125, 0});
        assertTrue(Double.isNaN(u.maxAbs()));
    }

    @Test
    void reductionsAndChecksIgnoreGhostCells() {
        u.setOwned(0, new double[] {1, 2, 3, 4, 5, 6});
        u.get(0)[spec.index(-1, -1)] = Double.NaN;
        u.get(0)[spec.index(3, 1)] = 1e300;
        assertTrue(u.allFinite());
        assertNull(u.describeFirstNonFinite());
        assertEquals(91.0, u.dot(u));
        assertEquals(6.0, u.maxAbs());
        u.get(0)[spec.index(1, 1)] = Double.NEGATIVE_INFINITY;
        assertFalse(u.allFinite());
        assertEquals("field 'u' cell (1, 1) = -Infinity", u.describeFirstNonFinite());
    }

    @Test
    void ownedCopyZeroesTheGhosts() {
        u.setOwned(0, new double[] {1, 2, 3, 4, 5, 6});
        u.get(0)[0] = 9;
        Fields c = u.ownedCopy();
        assertEquals(0.0, c.get(0)[0]);
        assertArrayEquals(u.owned(0), c.owned(0));
    }
}
