package org.adjoint4j.examples.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.SerialCommunicator;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmoothnessPenaltyTest {

    private static double cell(int i, int j) {
        return i * i + 10.0 * j; // differences: east 2i+1, north 10
    }

    /** R and ∂R/∂m gathered on rank 0: {R}, then the gradient. */
    private static double[][] evaluate(Communicator comm, ProcessGrid grid, int nx, int ny, double weight) {
        Decomposition2d d = Decomposition2d.of(nx, ny, grid);
        Block b = d.block(comm.rank());
        ControlLayout layout = new ControlLayout(FieldLayout.of(FieldSpec.of("k", b.nx(), b.ny(), 0)), List.of("c"));
        Controls m = new Controls(layout);
        FieldSpec s = layout.fields().get(0);
        for (int j = 0; j < b.ny(); j++) {
            for (int i = 0; i < b.nx(); i++) {
                m.field("k")[s.index(i, j)] = cell(b.offsetX() + i, b.offsetY() + j);
            }
        }
        SmoothnessPenalty p = new SmoothnessPenalty("k", weight, comm, d);
        double value = p.value(m);
        Controls g = new Controls(layout);
        p.addGradient(m, g);
        double[] global = d.gather(comm, g.fields().owned(0), 0);
        return comm.rank() == 0 ? new double[][] {{value, g.scalars()[0]}, global} : null;
    }

    private static double[][] onRanks(int px, int py, boolean periodicX, int nx, int ny) {
        AtomicReference<double[][]> out = new AtomicReference<>();
        JobResult job = ThreadLauncher.run(px * py, (comm, args) -> {
            double[][] r = evaluate(comm, ProcessGrid.of(px, py, periodicX, false), nx, ny, 0.5);
            if (comm.rank() == 0) {
                out.set(r);
            }
        }, new String[0], Duration.ofSeconds(30));
        assertTrue(job.ok(), job.message());
        return out.get();
    }

    @ParameterizedTest(name = "{0}x{1} ranks")
    @CsvSource({"1,1", "3,1", "1,2", "2,2"})
    void valueAndGradientAreTheClosedFormOnAnyRanks(int px, int py) {
        int nx = 5;
        int ny = 3;
        double[][] r = onRanks(px, py, false, nx, ny);
        // R = ½·½·(Σ east (2i+1)² over i < 4, each row + Σ north 10² over j < 2, each column)
        double east = 1 + 9 + 25 + 49;
        double expected = 0.25 * (ny * east + nx * (ny - 1) * 100);
        assertEquals(expected, r[0][0], 1e-12);
        assertEquals(0.0, r[0][1], "the scalar has no penalty");
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double g = 0;
                if (i > 0) {
                    g += cell(i, j) - cell(i - 1, j);
                }
                if (i < nx - 1) {
                    g += cell(i, j) - cell(i + 1, j);
                }
                if (j > 0) {
                    g += cell(i, j) - cell(i, j - 1);
                }
                if (j < ny - 1) {
                    g += cell(i, j) - cell(i, j + 1);
                }
                assertEquals(0.5 * g, r[1][j * nx + i], 1e-12, "cell " + i + "," + j);
            }
        }
    }

    @Test
    void aPeriodicDirectionAddsTheWrapAroundFace() {
        double[][] open = onRanks(1, 1, false, 4, 1);
        double[][] periodic = onRanks(3, 1, true, 4, 1);
        // wrap face between i = 3 and i = 0: (9 − 0)², weight ½, times ½
        assertEquals(open[0][0] + 0.25 * 81, periodic[0][0], 1e-12);
        assertEquals(open[1][0] - 0.5 * 9, periodic[1][0], 1e-12);
        assertEquals(open[1][3] + 0.5 * 9, periodic[1][3], 1e-12);
    }

    @Test
    void aConstantFieldCostsNothing() {
        Decomposition2d d = Decomposition2d.of(4, 4, ProcessGrid.of(1, 1, false, false));
        ControlLayout layout = ControlLayout.ofFields(FieldSpec.of("k", 4, 4, 1));
        Controls m = new Controls(layout);
        java.util.Arrays.fill(m.field("k"), 2.5);
        SmoothnessPenalty p = new SmoothnessPenalty("k", 3.0, SerialCommunicator.instance(), d);
        assertEquals(0.0, p.value(m));
    }

    @Test
    void aNegativeWeightIsRejected() {
        Decomposition2d d = Decomposition2d.of(4, 4, ProcessGrid.of(1, 1, false, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmoothnessPenalty("k", -1, SerialCommunicator.instance(), d));
        assertEquals("weight of the smoothness of k must be finite and >= 0, was -1.0", e.getMessage());
    }
}
