package org.adjoint4j.solvers.shallowwater;

/**
 * The time integrators of the shallow-water model, with the Courant number C = c·dt·√(1/dx² + 1/dy²),
 * c = √(g·max D), up to which each is stable for the linear gravity waves. On the C grid the fastest
 * such wave has frequency ω = 2c·√(1/dx² + 1/dy²), so ω·dt = 2C.
 */
public enum ShallowWaterIntegrator {

    /** SSP-RK3 ({@link ShallowWaterRk3}): stable for ω·dt ≤ √3 on the imaginary axis, C ≤ √3/2 ≈ 0.866. */
    RK3,

    /**
     * Leapfrog with a Robert–Asselin filter ({@link ShallowWaterLeapfrog}): for the oscillation
     * equation the filtered scheme is stable for ω·dt ≤ √((1 − ν)/(1 + ν)), so C ≤ ½·√((1 − ν)/(1 + ν))
     * (½ without the filter, about 0.452 for ν = 0.1).
     */
    LEAPFROG;

    /**
     * The largest stable Courant number.
     *
     * @param asselin the Robert–Asselin coefficient ν in [0, 0.5) (ignored by RK3)
     * @return the largest C = c·dt·√(1/dx² + 1/dy²): √3/2 for RK3, ½·√((1 − ν)/(1 + ν)) for leapfrog
     * @throws IllegalArgumentException if ν is outside [0, 0.5)
     */
    public double courantLimit(double asselin) {
        if (!(asselin >= 0 && asselin < 0.5)) {
            throw new IllegalArgumentException("asselin must be in [0, 0.5), was " + asselin);
        }
        return this == RK3 ? 0.5 * Math.sqrt(3) : 0.5 * Math.sqrt((1 - asselin) / (1 + asselin));
    }
}
