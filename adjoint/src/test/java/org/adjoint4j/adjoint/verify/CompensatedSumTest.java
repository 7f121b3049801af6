package org.adjoint4j.adjoint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompensatedSumTest {

    @Test
    void recoversWhatPlainSummationLoses() {
        // 1e16 + 1 - 1e16 is 0 in plain double arithmetic; the exact value is 1.
        CompensatedSum s = new CompensatedSum();
        s.add(1e16);
        s.add(1.0);
        s.add(-1e16);
        assertEquals(1.0, s.high() + s.low());
    }

    @Test
    void productsKeepTheirRoundingError() {
        // (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60; the last term is below double precision of the product.
        double a = 1 + Math.scalb(1.0, -30);
        CompensatedSum s = new CompensatedSum();
        s.addProduct(a, a);
        s.add(-1 - Math.scalb(1.0, -29));
        assertEquals(Math.scalb(1.0, -60), s.high() + s.low());
    }
}
