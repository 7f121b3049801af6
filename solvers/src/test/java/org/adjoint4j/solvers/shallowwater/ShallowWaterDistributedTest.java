package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.DotProductTest;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.adjoint.verify.TaylorTest;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.checkpoint.schedule.StoreAllSchedule;
import org.adjoint4j.solvers.shallowwater.ShallowWaterCases.Boundaries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On several in-process ranks, with uneven splits: the adjoint step is the transpose of the tangent
 * across rank boundaries (ghost contributions travel home), the whole gradient passes the Taylor test,
 * and the gradient equals the one-rank gradient.
 */
class ShallowWaterDistributedTest {

    static Object[][] cases() {
        return ShallowWaterCases.integratorsAndBoundaries();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void stepPassesTheDotProductTestOnThreeRanksSplitInXAndInY(ShallowWaterIntegrator integrator,
                                                                Boundaries boundaries) {
        for (int[] grid : new int[][] {{3, 1}, {1, 3}}) {
            for (int[] size : new int[][] {{17, 7}, {10, 8}}) {
                List<DotProductResult> results = ShallowWaterCases.onRanks(3, comm -> {
                    ShallowWaterProblem p = ShallowWaterCases.problem(size[0], size[1], 20, integrator, boundaries, comm,
                            grid[0], grid[1]);
                    Controls m = p.initialControls();
                    List<DotProductResult> r = new ArrayList<>();
                    for (int step : new int[] {0, 7}) {
                        Fields u = ShallowWaterCases.stateAt(p, m, step);
                        r.add(DotProductTest.builder(p.stepper()).step(step).at(u, m).seed(step + 3).communicator(comm)
                                .build().run());
                    }
                    return r;
                });
                for (DotProductResult r : results) {
                    assertTrue(r.passed(), grid[0] + "x" + grid[1] + " ranks, " + size[0] + "x" + size[1] + " cells: " + r);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ShallowWaterIntegrator.class)
    void eachControlsGradientPassesTheTaylorTestOnThreeRanks(ShallowWaterIntegrator integrator) {
        Object[][] runs = {{Boundaries.WALLS, new int[] {3, 1}, new int[] {12, 7, 35}},
            {Boundaries.PERIODIC, new int[] {1, 3}, new int[] {24, 13, 66}}};
        for (Object[] run : runs) {
            Boundaries boundaries = (Boundaries) run[0];
            int[] grid = (int[]) run[1];
            int[] size = (int[]) run[2];
            List<TaylorResult> results = ShallowWaterCases.onRanks(3, comm -> {
                ShallowWaterProblem p = ShallowWaterCases.problem(size[0], size[1], size[2], integrator, boundaries, comm,
                        grid[0], grid[1]);
                List<TaylorResult> r = new ArrayList<>();
                for (int c = 0; c < ShallowWaterTaylorTest.CONTROLS.length; c++) {
                    Controls d = ShallowWaterCases.direction(p, ShallowWaterTaylorTest.CONTROLS[c],
                            ShallowWaterTaylorTest.AMPLITUDES[c]);
                    r.add(TaylorTest.builder(p.driver(BinomialSchedule.of(size[2], 4))).at(p.initialControls()).direction(d)
                            .firstStep(1.0).build().run());
                }
                return r;
            });
            for (int c = 0; c < results.size(); c++) {
                assertTrue(results.get(c).passed(), boundaries + ", " + size[0] + "x" + size[1] + ", "
                        + ShallowWaterTaylorTest.CONTROLS[c] + ": " + results.get(c));
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void gradientOnThreeAndFourRanksEqualsTheOneRankGradient(ShallowWaterIntegrator integrator, Boundaries boundaries) {
        int nx = 17;
        int ny = 11;
        int steps = 30;
        double[] obs = new double[nx * ny];
        for (int k = 0; k < obs.length; k++) {
            obs[k] = 0.01 * Math.sin(k);
        }
        ShallowWaterProblem one = ShallowWaterCases.builder(nx, ny, steps, integrator, boundaries).observeAt(13, obs).build();
        double[][] reference = ShallowWaterCases.gathered(one, one.driver(StoreAllSchedule.of(steps)).gradient(one.initialControls()));
        for (int[] grid : new int[][] {{3, 1}, {1, 3}, {2, 2}}) {
            double[][] distributed = ShallowWaterCases.onRanks(grid[0] * grid[1], comm -> {
                ShallowWaterProblem p = ShallowWaterCases.builder(nx, ny, steps, integrator, boundaries).observeAt(13, obs)
                        .communicator(comm).processGrid(grid[0], grid[1]).build();
                return ShallowWaterCases.gathered(p, p.driver(BinomialSchedule.of(steps, 5)).gradient(p.initialControls()));
            });
            ShallowWaterCases.assertAgree(one, reference, distributed, grid[0] + "x" + grid[1] + " ranks");
        }
    }
}
