package org.adjoint4j.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReduceOpTest {

    @Test
    void maxAndMinPropagateNaNInEitherArgument() {
        assertTrue(Double.isNaN(ReduceOp.MAX.apply(Double.NaN, 1.0)));
        assertTrue(Double.isNaN(ReduceOp.MAX.apply(1.0, Double.NaN)));
        assertTrue(Double.isNaN(ReduceOp.MIN.apply(Double.NaN, 1.0)));
        assertTrue(Double.isNaN(ReduceOp.MIN.apply(1.0, Double.NaN)));
    }

    @Test
    void combinesFiniteValues() {
        assertEquals(5.0, ReduceOp.SUM.apply(2.0, 3.0));
        assertEquals(3.0, ReduceOp.MAX.apply(2.0, 3.0));
        assertEquals(2.0, ReduceOp.MIN.apply(2.0, 3.0));
    }
}
