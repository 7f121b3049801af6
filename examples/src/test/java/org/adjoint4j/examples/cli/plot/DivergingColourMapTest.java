package org.adjoint4j.examples.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivergingColourMapTest {

    @Test
    void endsAndCentreAreColorBrewersRdBuReversed() {
        assertEquals(0x053061, DivergingColourMap.rgb(-1), "darkest blue");
        assertEquals(0xf7f7f7, DivergingColourMap.rgb(0), "near-white centre");
        assertEquals(0x67001f, DivergingColourMap.rgb(1), "darkest red");
        assertEquals(0x2166ac, DivergingColourMap.rgb(-0.8), "second class of eleven");
    }

    @Test
    void valuesBeyondTheRangeClampAndNanIsNeutral() {
        assertEquals(DivergingColourMap.rgb(-1), DivergingColourMap.rgb(-7));
        assertEquals(DivergingColourMap.rgb(1), DivergingColourMap.rgb(Double.POSITIVE_INFINITY));
        assertEquals(0xf7f7f7, DivergingColourMap.rgb(Double.NaN));
    }

    @Test
    void negativeIsBlueAndPositiveIsRed() {
        for (double t = 0.05; t <= 1.0; t += 0.05) {
            int neg = DivergingColourMap.rgb(-t);
            int pos = DivergingColourMap.rgb(t);
            assertTrue((neg & 0xff) > (neg >> 16), "blue above red at " + (-t));
            assertTrue((pos >> 16) > (pos & 0xff), "red above blue at " + t);
        }
    }
}
