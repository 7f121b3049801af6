package org.adjoint4j.solvers.heat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the conjugate-gradient tolerance τ bounds the errors of the implicit heat2d gradient: the
 * gradient's error is proportional to τ, the adjoint is the tangent's transpose to within a bound
 * proportional to τ, and a loose τ leaves a floor under the Taylor remainder.
 */
class Heat2dImplicitToleranceTest {

    private static final int N = 16;
    private static final int T = 20;
    private static final double DT_FACTOR = 10;

    private static Heat2dImplicitProblem problem(double tolerance) {
        double[] obs = new double[N * N];
        for (int k = 0; k < obs.length; k++) {
            obs[k] = 0.02 * Math.sin(k);
        }
        return Heat2dImplicitProblem.builder().cells(N).steps(T).dtFactor(DT_FACTOR).tolerance(tolerance).observeAt(7, obs)
                .terminalObservations(obs).build();
    }

    /** max over J, dJ/dκ and dJ/du0 of the max-norm error relative to the reference's max norm. */
    private static double relativeError(GradientResult reference, GradientResult r) {
        double error = Math.abs(r.value() - reference.value()) / Math.abs(reference.value());
        for (int f = 0; f < 2; f++) {
            double[] a = reference.gradient().fields().owned(f);
            double[] b = r.gradient().fields().owned(f);
            double scale = 0;
            double worst = 0;
            for (int k = 0; k < a.length; k++) {
                scale = Math.max(scale, Math.abs(a[k]));
                worst = Math.max(worst, Math.abs(a[k] - b[k]));
            }
            error = Math.max(error, worst / scale);
        }
        return error;
    }

    @Test
    void theGradientErrorIsProportionalToTheTolerance() {
        Heat2dImplicitProblem reference = problem(1e-14);
        GradientResult exact = reference.driver(BinomialSchedule.of(T, 4)).gradient(reference.initialControls());
        double[] errors = new double[2];
        double[] tolerances = {1e-6, 1e-9};
        for (int k = 0; k < 2; k++) {
            Heat2dImplicitProblem p = problem(tolerances[k]);
            errors[k] = relativeError(exact, p.driver(BinomialSchedule.of(T, 4)).gradient(p.initialControls()));
            assertTrue(errors[k] <= 10 * tolerances[k], "tolerance " + tolerances[k] + ": relative error " + errors[k]);
        }
        // a thousand times the tolerance, about a thousand times the error (within a factor of 10)
        assertTrue(errors[0] >= 100 * errors[1], "errors " + Arrays.toString(errors) + " do not scale with the tolerance");
    }

    /**
     * With exact solves ⟨F'δx, w⟩ = ⟨δx, F'ᵀw⟩. With residuals r_t (tangent) and r_a (adjoint), both at most
     * τ times their right-hand sides, the two differ by ⟨y, r_a⟩ + ⟨r_t, μ⟩, y = F'δx, M·μ = w − r_a; as
     * ‖M⁻¹‖₂ ≤ 1 and the tangent's right-hand side is M·y + r_t:
     * |⟨F'δx, w⟩ − ⟨δx, F'ᵀw⟩| ≤ τ·(1 + ‖M‖₂·(1+τ)/(1−τ))·‖F'δx‖₂·‖w‖₂, with ‖M‖₂ ≤ 1 + 2θ·dtFactor.
     */
    @ParameterizedTest(name = "tolerance {0}")
    @ValueSource(doubles = {1e-6, 1e-10, 1e-14})
    void theAdjointIsTheTransposeOfTheTangentToWithinTheToleranceBound(double tolerance) {
        Heat2dImplicitProblem p = problem(tolerance);
        Heat2dImplicit stepper = p.stepper();
        Controls m = p.initialControls();
        Fields u = Heat2dImplicitTest.stateAt(p, m, 3);
        double normM = 1 + 2 * stepper.theta() * DT_FACTOR;
        double rounding = 1e-15 * normM;
        double worst = 0;
        for (int seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            Fields du = uniform(random, new Fields(u.layout()));
            Controls dm = new Controls(m.layout());
            uniform(random, dm.fields());
            Fields w = uniform(random, new Fields(u.layout()));

            Controls base = m.copy();
            stepper.prepare(base);
            Fields tangent = new Fields(u.layout());
            stepper.tangent(3, u.copy(), du.copy(), tangent, base, dm.copy());
            Fields lambda = new Fields(u.layout());
            Controls gradient = new Controls(m.layout());
            stepper.adjoint(3, u.copy(), w.copy(), lambda, base, gradient);

            double tangentSide = tangent.dot(w);
            double adjointSide = du.dot(lambda) + dm.fields().dot(gradient.fields());
            double norms = Math.sqrt(tangent.dot(tangent)) * Math.sqrt(w.dot(w));
            double bound = (tolerance * (1 + normM * (1 + tolerance) / (1 - tolerance)) + rounding) * norms;
            double mismatch = Math.abs(tangentSide - adjointSide);
            assertTrue(mismatch <= bound, "seed " + seed + ": mismatch " + mismatch + " > bound " + bound);
            worst = Math.max(worst, mismatch / norms);
        }
        if (tolerance >= 1e-6) {
            assertTrue(worst > 1e3 * rounding, "the mismatch " + worst + " comes from the solver, not from rounding");
        }
    }

    /** Fills the owned cells of field 0 of {@code f} (u, or κ of the controls) with uniform values in [−1, 1]. */
    private static Fields uniform(Random random, Fields f) {
        double[] values = new double[f.spec(0).ownedLength()];
        for (int k = 0; k < values.length; k++) {
            values[k] = 2 * random.nextDouble() - 1;
        }
        f.setOwned(0, values);
        return f;
    }

    @Test
    void aLooseToleranceLeavesAFloorUnderTheTaylorRemainder() {
        // The computed J is smooth in m to within the solver error, and its gradient is off by O(τ):
        // r(h) ≈ C·h² + O(τ)·h, whose first-order tail reaches the fitted points when τ is large.
        Controls direction = Heat2dImplicitTest.direction(problem(1e-14), "u0");
        Heat2dImplicitProblem tight = problem(1e-14);
        TaylorResult good = TaylorTest.builder(tight.driver(BinomialSchedule.of(T, 4))).at(tight.initialControls())
                .direction(direction).build().run();
        assertTrue(good.passed(), good.toString());
        Heat2dImplicitProblem loose = problem(1e-4);
        TaylorResult bad = TaylorTest.builder(loose.driver(BinomialSchedule.of(T, 4))).at(loose.initialControls())
                .direction(direction).build().run();
        assertFalse(bad.passed(), bad.toString());
    }
}
