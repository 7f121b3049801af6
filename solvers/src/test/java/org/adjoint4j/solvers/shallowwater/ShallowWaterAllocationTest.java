package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TangentLinearStepper;
import org.adjoint4j.solvers.shallowwater.ShallowWaterCases.Boundaries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Forward, tangent and adjoint steps allocate nothing once the halo buffers exist. */
class ShallowWaterAllocationTest {

    static Object[][] cases() {
        return ShallowWaterCases.integratorsAndBoundaries();
    }

    private static long allocatedBy(Runnable r) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        r.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void stepsAllocateNothing(ShallowWaterIntegrator integrator, Boundaries boundaries) {
        ShallowWaterProblem p = ShallowWaterCases.problem(20, 12, 10, integrator, boundaries);
        TangentLinearStepper stepper = p.stepper();
        Controls m = p.initialControls();
        Controls dm = ShallowWaterCases.direction(p, "bathymetry", 0.01);
        Controls gradient = new Controls(m.layout());
        stepper.prepare(m);
        Fields u = ShallowWaterCases.stateAt(p, m, 3);
        Fields out = new Fields(stepper.stateLayout());
        Fields du = u.copy();
        Fields dOut = new Fields(stepper.stateLayout());
        Fields lambda = new Fields(stepper.stateLayout());
        Runnable steps = () -> {
            for (int n = 0; n < 20; n++) {
                stepper.forward(n % 3, u, out, m);
                stepper.tangent(n % 3, u, du, dOut, m, dm);
                stepper.adjoint(n % 3, u, out, lambda, m, gradient);
            }
        };
        long bytes = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) { // the minimum over repetitions excludes JIT warm-up
            bytes = Math.min(bytes, allocatedBy(steps));
        }
        assertEquals(0, bytes, "bytes allocated by 20 forward, tangent and adjoint steps");
    }
}
