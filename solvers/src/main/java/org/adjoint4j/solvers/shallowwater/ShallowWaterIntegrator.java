package org.adjoint4j.solvers.shallowwater;

/**
 * The time integrators of the shallow-water model, with the Courant number C = c·dt·√(1/dx² + 1/dy²),
 * c = √(g·max D), up to which each is stable for the linear gravity waves. On the C grid the fastest
 * such wave has frequency ω = 2c·√(1/dx² + 1/dy²), so ω·dt = 2C.
 */
public enum ShallowWaterIntegrator {

    /** SSP-RK3 ({@link ShallowWaterRk3}): stable for ω·dt ≤ √3 on the imaginary axis, C ≤ √3/2 ≈ 0.866. */
    RK3;

    /** The largest stable Courant number. */
    public double courantLimit() {
        return 0.5 * Math.sqrt(3);
    }
}
