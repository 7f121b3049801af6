package org.adjoint4j.solvers;

/**
 * Whether steppers may use their SIMD kernels, written with the JDK's Vector API
 * ({@code jdk.incubator.vector}). The API is an incubator module: it is only there when the JVM was
 * started with {@code --add-modules jdk.incubator.vector} (the project's launchers and tests do).
 * Without it, or with {@code -Dadjoint4j.simd=false}, steppers use scalar kernels that give
 * bit-identical results, only slower.
 */
public final class VectorSupport {

    private static final boolean ENABLED = !"false".equals(System.getProperty("adjoint4j.simd"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorSupport() {
    }

    /**
     * True if SIMD kernels are available and not switched off.
     *
     * @return true if {@code jdk.incubator.vector} is in the boot layer and {@code adjoint4j.simd} is not
     *         {@code false}; fixed when the class is loaded
     */
    public static boolean enabled() {
        return ENABLED;
    }
}
