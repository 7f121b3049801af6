package org.adjoint4j.solvers.burgers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The face fluxes and their tangents, at and away from the switching point ā = 0. */
class BurgersKernelTest {

    /**
     * The one-sided derivative of F along d at x, exact for a flux that is quadratic on the side taken
     * (Richardson: 2·D(h/2) − D(h) with D(h) = (F(x + h·d) − F(x))/h).
     */
    private static double oneSided(java.util.function.DoubleUnaryOperator flux, double h) {
        double f0 = flux.applyAsDouble(0);
        double coarse = (flux.applyAsDouble(h) - f0) / h;
        double fine = (flux.applyAsDouble(h / 2) - f0) / (h / 2);
        return 2 * fine - coarse;
    }

    @Test
    void withPositiveVelocitiesTheFluxesAreTheUpwindOnes() {
        assertEquals(0.5 * 0.7 * 0.7, BurgersKernel.normalFlux(0.7, 1.9), 1e-15);
        assertEquals(0.5 * 1.9 * 1.9, BurgersKernel.normalFlux(-0.7, -1.9), 1e-15, "ā < 0: the right state");
        // the tangential flux is the central ½(a_L b_L + a_R b_R) minus ½|ā|(b_R − b_L)
        assertEquals(0.5 * (0.7 * 0.2 + 1.9 * -0.4) - 0.5 * 1.3 * (-0.4 - 0.2), BurgersKernel.tangentialFlux(0.7, 1.9, 0.2, -0.4),
                1e-15);
    }

    @Test
    void awayFromTheSwitchTheTangentsAreTheDerivatives() {
        double aL = 0.8;
        double aR = -0.3;
        double bL = 0.4;
        double bR = 1.1;
        double[] d = {0.3, -0.7, 0.9, 0.2};
        double normal = oneSided(h -> BurgersKernel.normalFlux(aL + h * d[0], aR + h * d[1]), 1e-3);
        double tangential = oneSided(h -> BurgersKernel.tangentialFlux(aL + h * d[0], aR + h * d[1], bL + h * d[2],
                bR + h * d[3]), 1e-3);
        assertEquals(normal, BurgersKernel.normalFluxTangent(aL, aR, d[0], d[1]), 1e-10);
        assertEquals(tangential, BurgersKernel.tangentialFluxTangent(aL, aR, bL, bR, d[0], d[1], d[2], d[3]), 1e-10);
        // and from the other side: the flux is smooth here
        double normalBack = -oneSided(h -> BurgersKernel.normalFlux(aL - h * d[0], aR - h * d[1]), 1e-3);
        assertEquals(normal, normalBack, 1e-10);
    }

    @Test
    void atAZeroFaceSpeedTheTangentIsTheDerivativeOfThePositiveBranch() {
        double aL = 0.6;
        double aR = -0.6; // ā = 0: the kink of |ā|
        double bL = 0.25;
        double bR = -0.5;
        double[] up = {0.4, 0.1, -0.3, 0.8}; // d(ā) > 0: moves onto the branch ā > 0
        double normal = oneSided(h -> BurgersKernel.normalFlux(aL + h * up[0], aR + h * up[1]), 1e-3);
        double tangential = oneSided(h -> BurgersKernel.tangentialFlux(aL + h * up[0], aR + h * up[1], bL + h * up[2],
                bR + h * up[3]), 1e-3);
        assertEquals(normal, BurgersKernel.normalFluxTangent(aL, aR, up[0], up[1]), 1e-10);
        assertEquals(tangential, BurgersKernel.tangentialFluxTangent(aL, aR, bL, bR, up[0], up[1], up[2], up[3]), 1e-10);
        // moving onto the other branch the flux bends: the one-sided derivative differs from the tangent
        double[] down = {-0.4, -0.1, -0.3, 0.8};
        double tangentialDown = oneSided(h -> BurgersKernel.tangentialFlux(aL + h * down[0], aR + h * down[1],
                bL + h * down[2], bR + h * down[3]), 1e-3);
        double kink = Math.abs(tangentialDown - BurgersKernel.tangentialFluxTangent(aL, aR, bL, bR, down[0], down[1],
                down[2], down[3]));
        // |ā| contributes ½·|dā|·(b_R − b_L) on one side and −½·|dā|·(b_R − b_L) on the other
        assertEquals(Math.abs(0.5 * (down[0] + down[1])) * Math.abs(bR - bL), kink, 1e-10);
    }
}
