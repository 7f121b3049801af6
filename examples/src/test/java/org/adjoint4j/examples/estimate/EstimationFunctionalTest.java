package org.adjoint4j.examples.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.SerialCommunicator;
import org.adjoint4j.solvers.heat.Heat2dProblem;
import org.junit.jupiter.api.Test;

class EstimationFunctionalTest {

    private static final int N = 10;
    private static final int T = 30;

    /** heat2d with sparse noisy observations of u, a smoothness term on κ and a background term on u0. */
    private static EstimationFunctional functional(Heat2dProblem p, Set<String> estimated) {
        Controls truth = p.initialControls();
        Block b = p.decomposition().block(0);
        TreeSet<Integer> steps = new TreeSet<>(List.of(0, 7, 19, 30));
        Map<Integer, double[]> y = TwinObservations.synthesise(p.stepper(), p.initialState(), truth, T, "u", steps, 1e-3,
                5, b.offsetX(), b.offsetY());
        ObservationMisfit misfit = new ObservationMisfit("u", 1e-2, 2, b.offsetX(), b.offsetY(), y);
        Controls background = truth.copy();
        background.fields().scale(0.9);
        List<Penalty> penalties = List.of(new SmoothnessPenalty("kappa", 0.3, SerialCommunicator.instance(),
                p.decomposition()), new BackgroundPenalty("u0", 0.5, background, SerialCommunicator.instance()));
        return new EstimationFunctional(p.driverBuilder(BinomialSchedule.of(T, 4)).objective(misfit).build(), penalties,
                estimated);
    }

    private static Controls perturbed(Heat2dProblem p) {
        Controls m = p.initialControls();
        double[] k = m.field("kappa");
        for (int i = 0; i < k.length; i++) {
            k[i] *= 1 + 0.05 * Math.sin(3 * i);
        }
        return m;
    }

    @Test
    void theGradientOfMisfitPlusPenaltiesPassesTheTaylorTest() {
        Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(T).build();
        EstimationFunctional f = functional(p, Set.of("kappa", "u0"));
        TaylorResult r = TaylorTest.builder(f).at(perturbed(p)).build().run();
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void controlsThatAreNotEstimatedHaveZeroGradientAndThePartsAreRecorded() {
        Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(T).build();
        EstimationFunctional f = functional(p, Set.of("kappa"));
        GradientResult r = f.gradient(perturbed(p));
        for (double v : r.gradient().fields().owned(1)) {
            assertEquals(0.0, v, "u0 is not estimated");
        }
        assertTrue(r.gradient().fields().maxAbs() > 0);
        assertEquals(r.value(), f.lastDataTerm() + f.lastPenaltyTerm(), 1e-12 * r.value());
        assertTrue(f.lastPenaltyTerm() > 0 && f.lastDataTerm() > 0);
        assertEquals(r.value(), f.value(perturbed(p)), 1e-12 * r.value(), "value and gradient agree on J");
        assertEquals(List.of("kappa"), List.copyOf(f.estimated()));
    }

    @Test
    void anUnknownControlIsNamed() {
        Heat2dProblem p = Heat2dProblem.builder().cells(N).steps(T).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EstimationFunctional(p.driver(BinomialSchedule.of(T, 4)), List.of(), Set.of("rho")));
        assertEquals("no control called 'rho'; controls are [kappa, u0]", e.getMessage());
    }
}
