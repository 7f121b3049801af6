package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.solvers.shallowwater.ShallowWaterCases.Boundaries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole gradient under binomial checkpointing passes the Taylor test, control by control, on one rank. */
class ShallowWaterTaylorTest {

    static final String[] CONTROLS = {"bathymetry", "eta0", "drag"};
    /**
     * The largest perturbation of each control, with h0 = 1: 0.1 % of the depth (about 1), a fifth of the
     * bump (0.05), a tenth of the drag (0.05 to 0.13): small enough for the remainders to be in the
     * asymptotic regime from the first h on.
     */
    static final double[] AMPLITUDES = {0.001, 0.01, 0.01};

    static Object[][] cases() {
        return ShallowWaterCases.integratorsAndBoundaries();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void eachControlsGradientConvergesAtSecondOrderOnTwoGrids(ShallowWaterIntegrator integrator, Boundaries boundaries) {
        // both runs last until t = 1.5, when the wave from the bump has crossed the seamount into the region
        for (int[] size : new int[][] {{12, 7, 35}, {24, 13, 66}}) {
            ShallowWaterProblem p = ShallowWaterCases.problem(size[0], size[1], size[2], integrator, boundaries);
            for (int c = 0; c < CONTROLS.length; c++) {
                TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(size[2], 4))).at(p.initialControls())
                        .direction(ShallowWaterCases.direction(p, CONTROLS[c], AMPLITUDES[c])).firstStep(1.0).build().run();
                assertTrue(r.passed(), size[0] + "x" + size[1] + " " + CONTROLS[c] + ": " + r);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ShallowWaterIntegrator.class)
    void timeDistributedObservationsJoinTheGradient(ShallowWaterIntegrator integrator) {
        double[] obs = new double[12 * 7];
        java.util.Arrays.fill(obs, 0.01);
        ShallowWaterProblem p = ShallowWaterCases.builder(12, 7, 40, integrator, Boundaries.WALLS).observeAt(0, obs)
                .observeAt(17, null).observeAt(40, obs).build();
        Controls d = ShallowWaterCases.direction(p, "bathymetry", 0.001);
        d.addScaled(1.0, ShallowWaterCases.direction(p, "eta0", 0.01));
        d.addScaled(1.0, ShallowWaterCases.direction(p, "drag", 0.01));
        TaylorResult r = TaylorTest.builder(p.driver(BinomialSchedule.of(40, 3))).at(p.initialControls()).direction(d)
                .firstStep(1.0).build().run();
        assertTrue(r.passed(), r.toString());
    }

    @ParameterizedTest
    @EnumSource(ShallowWaterIntegrator.class)
    void theInitialElevationGradientIsTheAdjointOfTheInitialElevation(ShallowWaterIntegrator integrator) {
        ShallowWaterProblem p = ShallowWaterCases.problem(12, 7, 30, integrator, Boundaries.WALLS);
        GradientResult r = p.driver(BinomialSchedule.of(30, 4)).gradient(p.initialControls());
        double[] eta0 = r.gradient().fields().owned(1);
        double[] expected = r.initialStateGradient().owned(0);
        if (integrator == ShallowWaterIntegrator.LEAPFROG) {
            double[] previous = r.initialStateGradient().owned(3);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(0.0, previous[k], "the Euler start does not read the previous level");
            }
        }
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], eta0[k], "cell " + k);
        }
    }
}
