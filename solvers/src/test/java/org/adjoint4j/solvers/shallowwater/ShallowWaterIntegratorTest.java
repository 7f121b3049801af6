package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShallowWaterIntegratorTest {

    @Test
    void theRungeKuttaLimitIsHalfRootThree() {
        assertEquals(Math.sqrt(3) / 2, ShallowWaterIntegrator.RK3.courantLimit(), 1e-15);
    }
}
