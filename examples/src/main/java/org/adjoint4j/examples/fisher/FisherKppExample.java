package org.adjoint4j.examples.fisher;

import java.util.Locale;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.InitialState;
import org.adjoint4j.adjoint.objective.FieldMisfit;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.DotProductTest;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;

/**
 * Puts {@link FisherKpp1d} to work: checks its adjoint with the dot-product test, computes the
 * gradient of a misfit under binomial checkpointing and verifies it with the Taylor test.
 */
public final class FisherKppExample {

    private FisherKppExample() {
    }

    /**
     * Runs the three steps on 200 cells and 5000 steps and prints their results; exits with status 2
     * if the dot-product or the Taylor test fails.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        int n = 200;
        int steps = 5000;
        FisherKpp1d stepper = new FisherKpp1d(n, 0.2 / (n * n));    // stable for D ≤ 1

        Controls m = new Controls(stepper.controlLayout());
        m.setScalar("D", 0.5);
        m.setScalar("r", 20.0);
        double[] u0 = new double[n];
        for (int i = 0; i < n; i++) {
            double x = (i + 0.5) / n;
            u0[i] = Math.exp(-200 * (x - 0.3) * (x - 0.3));
        }
        m.fields().setOwned(0, u0);

        // 1. the adjoint of one step is the transpose of its linearisation
        Fields u = new Fields(stepper.stateLayout());
        u.setOwned(0, u0);
        DotProductResult dot = DotProductTest.builder(stepper).step(0).at(u, m).build().run();
        System.out.println(dot);

        // 2. J = ½·h·Σ(u_T − 0.5)² after T steps, with 30 snapshot slots
        double[] target = new double[n];
        java.util.Arrays.fill(target, 0.5);
        AdjointDriver driver = AdjointDriver.builder()
                .stepper(stepper)
                .initialState(InitialState.fromControlField("u0", "u"))
                .objective(FieldMisfit.builder("u", 1.0 / n).terminal(target).build())
                .schedule(BinomialSchedule.of(steps, 30))
                .build();
        GradientResult g = driver.gradient(m);
        System.out.printf(Locale.ROOT, "J = %.10e, dJ/dD = %.6e, dJ/dr = %.6e, %d forward evaluations for %d steps%n",
                g.value(), g.gradient().scalar("D"), g.gradient().scalar("r"), g.statistics().forwardEvaluations(), steps);

        // 3. the whole gradient converges at second order
        TaylorResult taylor = TaylorTest.builder(driver).at(m).build().run();
        System.out.println(taylor);
        if (!dot.passed() || !taylor.passed()) {
            System.exit(2);
        }
    }
}
