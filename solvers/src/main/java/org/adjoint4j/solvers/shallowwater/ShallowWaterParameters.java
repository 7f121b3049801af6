package org.adjoint4j.solvers.shallowwater;

/**
 * The fixed (not differentiated) physical and numerical parameters of a shallow-water stepper: the
 * size of the rectangular domain [0, L<sub>x</sub>] × [0, L<sub>y</sub>], gravity g, the Coriolis
 * parameter of a β-plane f(y) = f<sub>0</sub> + β·(y − L<sub>y</sub>/2) (β = 0: an f-plane) and the
 * time step. Units are the caller's; the default problem is nondimensional (g = 1).
 *
 * <pre>
 * ShallowWaterParameters p = ShallowWaterParameters.builder().domain(2, 1).coriolis(0.5, 0).timeStep(0.01).build();
 * </pre>
 */
public final class ShallowWaterParameters {

    private final double lengthX;
    private final double lengthY;
    private final double gravity;
    private final double coriolisF0;
    private final double coriolisBeta;
    private final double timeStep;

    private ShallowWaterParameters(Builder b) {
        this.lengthX = b.lengthX;
        this.lengthY = b.lengthY;
        this.gravity = b.gravity;
        this.coriolisF0 = b.coriolisF0;
        this.coriolisBeta = b.coriolisBeta;
        this.timeStep = b.timeStep;
    }

    /**
     * A builder with the domain 2 × 1, g = 1, no rotation and no time step (required).
     *
     * @return a new builder; {@link Builder#timeStep} must be called before {@link Builder#build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Length L<sub>x</sub> of the domain in x.
     *
     * @return L<sub>x</sub>, finite and &gt; 0
     */
    public double lengthX() {
        return lengthX;
    }

    /**
     * Length L<sub>y</sub> of the domain in y.
     *
     * @return L<sub>y</sub>, finite and &gt; 0
     */
    public double lengthY() {
        return lengthY;
    }

    /**
     * Gravity g.
     *
     * @return g, finite and &gt; 0
     */
    public double gravity() {
        return gravity;
    }

    /**
     * The Coriolis parameter f<sub>0</sub> at y = L<sub>y</sub>/2.
     *
     * @return f<sub>0</sub>, in 1/time, finite (0: no rotation at mid-basin)
     */
    public double coriolisF0() {
        return coriolisF0;
    }

    /**
     * β = df/dy.
     *
     * @return β, in 1/(time·length), finite (0: an f-plane)
     */
    public double coriolisBeta() {
        return coriolisBeta;
    }

    /**
     * The time step dt.
     *
     * @return dt, finite and &gt; 0
     */
    public double timeStep() {
        return timeStep;
    }

    /**
     * f at height {@code y}: f<sub>0</sub> + β·(y − L<sub>y</sub>/2).
     *
     * @param y the position in y, in the units of L<sub>y</sub> (not checked against the domain)
     * @return the Coriolis parameter there, in 1/time
     */
    public double coriolis(double y) {
        return coriolisF0 + coriolisBeta * (y - 0.5 * lengthY);
    }

    @Override
    public String toString() {
        return "domain " + lengthX + "x" + lengthY + ", g=" + gravity + ", f0=" + coriolisF0 + ", beta=" + coriolisBeta
                + ", dt=" + timeStep;
    }

    /** Collects the settings of {@link ShallowWaterParameters}. */
    public static final class Builder {
        private double lengthX = 2;
        private double lengthY = 1;
        private double gravity = 1;
        private double coriolisF0;
        private double coriolisBeta;
        private double timeStep = Double.NaN;

        private Builder() {
        }

        /**
         * The domain [0, lengthX] × [0, lengthY] (default 2 × 1); both finite and &gt; 0.
         *
         * @param lengthX L<sub>x</sub>, finite and &gt; 0
         * @param lengthY L<sub>y</sub>, finite and &gt; 0
         * @return this builder
         * @throws IllegalArgumentException if a length is not finite and &gt; 0
         */
        public Builder domain(double lengthX, double lengthY) {
            if (!(lengthX > 0) || !(lengthY > 0) || Double.isInfinite(lengthX) || Double.isInfinite(lengthY)) {
                throw new IllegalArgumentException("domain lengths must be finite and > 0, were lengthX=" + lengthX
                        + ", lengthY=" + lengthY);
            }
            this.lengthX = lengthX;
            this.lengthY = lengthY;
            return this;
        }

        /**
         * Gravity g (default 1), finite and &gt; 0.
         *
         * @param gravity g, in length/time², finite and &gt; 0
         * @return this builder
         * @throws IllegalArgumentException if {@code gravity} is not finite and &gt; 0
         */
        public Builder gravity(double gravity) {
            if (!(gravity > 0) || Double.isInfinite(gravity)) {
                throw new IllegalArgumentException("gravity must be finite and > 0, was " + gravity);
            }
            this.gravity = gravity;
            return this;
        }

        /**
         * The β-plane f = f0 + β·(y − L<sub>y</sub>/2) (default 0, 0); both finite.
         *
         * @param f0   f at mid-basin y = L<sub>y</sub>/2, in 1/time
         * @param beta β = df/dy, in 1/(time·length); 0 for an f-plane
         * @return this builder
         * @throws IllegalArgumentException if {@code f0} or {@code beta} is not finite
         */
        public Builder coriolis(double f0, double beta) {
            if (!Double.isFinite(f0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("coriolis f0 and beta must be finite, were f0=" + f0 + ", beta=" + beta);
            }
            this.coriolisF0 = f0;
            this.coriolisBeta = beta;
            return this;
        }

        /**
         * The time step dt (required), finite and &gt; 0.
         *
         * @param dt the step length; its stability is not checked here (see {@link ShallowWaterIntegrator})
         * @return this builder
         * @throws IllegalArgumentException if {@code dt} is not finite and &gt; 0
         */
        public Builder timeStep(double dt) {
            if (!(dt > 0) || Double.isInfinite(dt)) {
                throw new IllegalArgumentException("timeStep must be finite and > 0, was " + dt);
            }
            this.timeStep = dt;
            return this;
        }

        /**
         * The parameters.
         *
         * @return new, immutable parameters
         * @throws IllegalArgumentException if the time step was not given
         */
        public ShallowWaterParameters build() {
            if (Double.isNaN(timeStep)) {
                throw new IllegalArgumentException("the time step is required: call timeStep(dt)");
            }
            return new ShallowWaterParameters(this);
        }
    }
}
