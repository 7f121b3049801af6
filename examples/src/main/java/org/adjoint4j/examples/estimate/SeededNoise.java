package org.adjoint4j.examples.estimate;

/**
 * Reproducible Gaussian noise indexed by position rather than drawn in sequence: the value for
 * (seed, step, i, j) comes from a SplitMix64 hash of those four numbers and a Box–Muller transform, so
 * synthetic observations are the same whatever the number of ranks and the order cells are visited.
 * Uniform values are indexed the same way (random directions of the Taylor tests).
 */
public final class SeededNoise {

    private SeededNoise() {
    }

    /**
     * A standard normal value for the global cell (i, j) at {@code step}.
     *
     * @param seed the experiment's seed
     * @param step the time step the value belongs to
     * @param i    global cell index in x
     * @param j    global cell index in y
     * @return a sample of N(0, 1), the same for the same four arguments
     */
    public static double gaussian(long seed, int step, int i, int j) {
        long h = mix(mix(mix(seed ^ 0x6a09e667f3bcc909L) ^ step) ^ ((long) i << 32 | (j & 0xffffffffL)));
        double u1 = ((h >>> 11) + 1) * 0x1.0p-53; // in (0, 1]: the logarithm stays finite
        double u2 = (mix(h) >>> 11) * 0x1.0p-53;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * A uniform value in [-1, 1) for the global cell (i, j) of {@code stream}, hashed like
     * {@link #gaussian}, so that it does not depend on how the cells are split over ranks.
     *
     * @param seed   the seed
     * @param stream which sequence: a field's or a scalar's number
     * @param i      global cell index in x
     * @param j      global cell index in y
     * @return a value in [-1, 1), the same for the same four arguments
     */
    public static double uniform(long seed, int stream, int i, int j) {
        long h = mix(mix(mix(seed ^ 0xbb67ae8584caa73bL) ^ stream) ^ ((long) i << 32 | (j & 0xffffffffL)));
        return (h >>> 11) * 0x1.0p-52 - 1.0;
    }

    private static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
