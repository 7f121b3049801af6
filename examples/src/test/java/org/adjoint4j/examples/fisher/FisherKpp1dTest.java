package org.adjoint4j.examples.fisher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.InitialState;
import org.adjoint4j.adjoint.objective.FieldMisfit;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.DotProductTest;
import org.adjoint4j.adjoint.verify.TangentLinearResult;
import org.adjoint4j.adjoint.verify.TangentLinearTest;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.junit.jupiter.api.Test;

/** The user guide's example stepper is correct: its tangent, its adjoint and its gradient pass their tests. */
class FisherKpp1dTest {

    private static final int N = 40;

    private static Controls controls(FisherKpp1d stepper) {
        Controls m = new Controls(stepper.controlLayout());
        m.setScalar("D", 0.4);
        m.setScalar("r", 15.0);
        double[] u0 = new double[N];
        for (int i = 0; i < N; i++) {
            u0[i] = 0.5 + 0.4 * Math.sin(2 * Math.PI * i / N);
        }
        m.fields().setOwned(0, u0);
        return m;
    }

    @Test
    void adjointPassesTheDotProductTest() {
        FisherKpp1d stepper = new FisherKpp1d(N, 0.2 / (N * N));
        Controls m = controls(stepper);
        Fields u = new Fields(stepper.stateLayout());
        u.setOwned(0, m.fields().owned(0));
        DotProductResult r = DotProductTest.builder(stepper).step(0).at(u, m).build().run();
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void tangentConvergesAtSecondOrder() {
        FisherKpp1d stepper = new FisherKpp1d(N, 0.2 / (N * N));
        Controls m = controls(stepper);
        Fields u = new Fields(stepper.stateLayout());
        u.setOwned(0, m.fields().owned(0));
        TangentLinearResult r = TangentLinearTest.builder(stepper).step(0).at(u, m).build().run();
        assertTrue(r.passed() && !r.exact(), r.toString());
    }

    @Test
    void gradientPassesTheTaylorTest() {
        FisherKpp1d stepper = new FisherKpp1d(N, 0.2 / (N * N));
        AdjointDriver driver = AdjointDriver.builder().stepper(stepper)
                .initialState(InitialState.fromControlField("u0", "u"))
                .objective(FieldMisfit.builder("u", 1.0 / N).terminal(null).at(100, null).build())
                .schedule(BinomialSchedule.of(300, 6)).build();
        TaylorResult r = TaylorTest.builder(driver).at(controls(stepper)).build().run();
        assertTrue(r.passed(), r.toString());
    }
}
