package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.ReduceOp;
import org.junit.jupiter.api.Test;

class MeanSquareElevationTest {

    private static final Decomposition2d ONE = Decomposition2d.of(4, 3, ProcessGrid.of(1, 1, false, false));

    /** This rank's block of η(i, j) = i + 10j, with ghosts. */
    private static Fields state(Decomposition2d d, int rank) {
        Block b = d.block(rank);
        Fields u = new Fields(FieldLayout.of(FieldSpec.of("eta", b.nx(), b.ny(), 1), FieldSpec.of("u", b.nx(), b.ny(), 1)));
        double[] eta = new double[b.cells()];
        for (int j = 0; j < b.ny(); j++) {
            for (int i = 0; i < b.nx(); i++) {
                eta[j * b.nx() + i] = (b.offsetX() + i) + 10 * (b.offsetY() + j);
            }
        }
        u.setOwned(0, eta);
        return u;
    }

    private static Controls noControls() {
        return new Controls(ControlLayout.ofFields(FieldSpec.of("eta0", 4, 3, 0)));
    }

    @Test
    void theValueIsTheMeanOfTheSquaresInTheRegionAndOnlyAtTheLastStep() {
        MeanSquareElevation j = MeanSquareElevation.overCells(ONE, 0, 1, 3, 0, 2);
        // cells (1,0), (2,0), (1,1), (2,1): 1² + 2² + 11² + 12² = 270, over 4 cells
        assertEquals(67.5, j.value(9, true, state(ONE, 0), noControls()));
        assertTrue(j.observes(9, true));
        assertFalse(j.observes(5, false));
    }

    @Test
    void theGradientIsTwiceTheElevationOverTheCellCountInTheRegionAndZeroElsewhere() {
        MeanSquareElevation j = MeanSquareElevation.overCells(ONE, 0, 1, 3, 0, 2);
        Fields u = state(ONE, 0);
        Fields lambda = new Fields(u.layout());
        lambda.get(0)[lambda.spec(0).index(1, 0)] = 1.0; // accumulated into, not overwritten
        j.gradient(9, true, u, noControls(), lambda, noControls());
        assertEquals(1.0 + 0.5, lambda.get(0)[lambda.spec(0).index(1, 0)]);
        assertEquals(1.0, lambda.get(0)[lambda.spec(0).index(2, 0)]);
        assertEquals(5.5, lambda.get(0)[lambda.spec(0).index(1, 1)]);
        assertEquals(6.0, lambda.get(0)[lambda.spec(0).index(2, 1)]);
        assertEquals(0.0, lambda.get(0)[lambda.spec(0).index(3, 1)]);
        assertEquals(0.0, lambda.get(0)[lambda.spec(0).index(1, 2)]);
        assertEquals(0.0, lambda.maxAbs() - 6.0, "only the region and the eta field");
    }

    @Test
    void theSharesOfThreeRanksAddUpToTheValue() {
        Decomposition2d three = Decomposition2d.of(4, 3, ProcessGrid.of(3, 1, false, false));
        double sum = ShallowWaterCases.onRanks(3, (Communicator comm) -> {
            MeanSquareElevation j = MeanSquareElevation.overCells(three, comm.rank(), 1, 3, 0, 2);
            return comm.allreduce(j.value(9, true, state(three, comm.rank()), noControls()), ReduceOp.SUM);
        });
        assertEquals(67.5, sum);
    }

    @Test
    void anEmptyOrOutsideRegionIsRefusedWithItsBounds() {
        assertEquals("region cells [2, 2) x [0, 3) must be non-empty and within the 4x3 grid",
                assertThrows(IllegalArgumentException.class, () -> MeanSquareElevation.overCells(ONE, 0, 2, 2, 0, 3))
                        .getMessage());
        assertEquals("region cells [0, 5) x [0, 3) must be non-empty and within the 4x3 grid",
                assertThrows(IllegalArgumentException.class, () -> MeanSquareElevation.overCells(ONE, 0, 0, 5, 0, 3))
                        .getMessage());
    }
}
