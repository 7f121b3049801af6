package org.adjoint4j.solvers.shallowwater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ShallowWaterProblemTest {

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void theTimeStepFollowsFromTheCourantNumberAndTheDeepestWater() {
        // flat depth 1, g = 1, dx = dy = 1/32: dt = 0.4 / (1 · √(32² + 32²)) = 0.4 / (32√2)
        ShallowWaterProblem p = ShallowWaterProblem.builder().topography(Topography.FLAT).build();
        assertEquals(0.4 / (32 * Math.sqrt(2)), p.dt(), 1e-17);
        // four times the gravity doubles the wave speed and halves dt; the seamount does not change max D
        ShallowWaterProblem q = ShallowWaterProblem.builder().gravity(4).courantNumber(0.3).build();
        assertEquals(0.3 / (2 * 32 * Math.sqrt(2)), q.dt(), 1e-17);
    }

    @Test
    void theRegionOfInterestHoldsTheCellsWhoseCentresLieInIt() {
        // centres (i + ½)/32 in [1.6, 1.9]: i = 51..60; (j + ½)/32 in [0.35, 0.65]: j = 11..20
        assertArrayEquals(new int[] {51, 61, 11, 21}, ShallowWaterProblem.builder().build().regionCells());
        assertArrayEquals(new int[] {0, 64, 0, 32},
                ShallowWaterProblem.builder().regionOfInterest(0, 2, 0, 1).build().regionCells());
    }

    @Test
    void theDefaultControlsAreTheDocumentedFields() {
        ShallowWaterProblem p = ShallowWaterProblem.builder().build();
        double[] depth = p.initialControls().fields().owned(0);
        double[] eta0 = p.initialControls().fields().owned(1);
        double[] drag = p.initialControls().fields().owned(2);
        // the seamount peaks near (1.2, 0.5), the bump near (0.5, 0.5)
        int seamount = 16 * 64 + 38; // cell (38, 16), centre (1.203, 0.516)
        int bump = 16 * 64 + 15; // cell (15, 16), centre (0.484, 0.516)
        assertEquals(depth[seamount], Arrays.stream(depth).min().getAsDouble());
        assertEquals(eta0[bump], Arrays.stream(eta0).max().getAsDouble());
        assertEquals(0.05 / depth[seamount], drag[seamount], 1e-16);
        assertTrue(depth[seamount] > 0.4 && depth[seamount] < 0.42, "seamount top " + depth[seamount]);
        assertTrue(eta0[bump] > 0.048 && eta0[bump] < 0.05, "bump " + eta0[bump]);
    }

    @Test
    void badSettingsNameTheParameterAndTheValue() {
        assertEquals("cells must be >= 2 in each direction, were cellsX=1, cellsY=5",
                message(() -> ShallowWaterProblem.builder().cells(1, 5)));
        assertEquals("steps must be >= 1, was 0", message(() -> ShallowWaterProblem.builder().steps(0)));
        assertEquals("courantNumber must be finite and > 0, was NaN",
                message(() -> ShallowWaterProblem.builder().courantNumber(Double.NaN)));
        assertEquals("courantNumber must be <= 0.8660 for RK3, was 0.9",
                message(() -> ShallowWaterProblem.builder().courantNumber(0.9).build()));
        assertEquals("courantNumber must be <= 0.4523 for LEAPFROG with asselin 0.1, was 0.46", message(() ->
                ShallowWaterProblem.builder().integrator(ShallowWaterIntegrator.LEAPFROG).courantNumber(0.46).build()));
        assertEquals("asselin must be in [0, 0.5), was 0.5", message(() -> ShallowWaterProblem.builder().asselin(0.5)));
        assertEquals("gravity must be finite and > 0, was -9.81", message(() -> ShallowWaterProblem.builder().gravity(-9.81)));
        assertEquals("coriolis f0 and beta must be finite, were f0=Infinity, beta=0.0",
                message(() -> ShallowWaterProblem.builder().coriolis(Double.POSITIVE_INFINITY, 0)));
        assertEquals("domain lengths must be finite and > 0, were lengthX=0.0, lengthY=1.0",
                message(() -> ShallowWaterProblem.builder().domain(0, 1)));
        assertEquals("bathymetry: expected 2048 values (64x32), got 10",
                message(() -> ShallowWaterProblem.builder().bathymetry(new double[10]).build()));
        assertEquals("observation step 151 is beyond 150 steps",
                message(() -> ShallowWaterProblem.builder().observeAt(151, null).build()));
        assertEquals("observations at step 3: expected 2048 values (64x32), got 5",
                message(() -> ShallowWaterProblem.builder().observeAt(3, new double[5]).build()));
    }

    @Test
    void unphysicalFieldsAreRefused() {
        double[] depth = new double[8 * 4];
        Arrays.fill(depth, 1.0);
        depth[5] = -0.5;
        assertEquals("bathymetry: every depth must be > 0, the smallest was -0.5",
                message(() -> ShallowWaterProblem.builder().cells(8, 4).bathymetry(depth).build()));
        depth[5] = 0;
        assertEquals("bathymetry: every depth must be > 0, the smallest was 0.0",
                message(() -> ShallowWaterProblem.builder().cells(8, 4).bathymetry(depth).build()));
        double[] dry = new double[8 * 4];
        dry[3] = -2;
        assertEquals("initial elevation: the total depth D + eta0 must be > 0 everywhere (no dry cells), the smallest was"
                + " -1.0", message(() -> ShallowWaterProblem.builder().cells(8, 4).topography(Topography.FLAT)
                        .initialElevation(dry).build()));
        double[] drag = new double[8 * 4];
        drag[0] = -1e-3;
        assertEquals("drag: every value must be >= 0, the smallest was -0.001",
                message(() -> ShallowWaterProblem.builder().cells(8, 4).drag(drag).build()));
        double[] nan = new double[8 * 4];
        nan[7] = Double.NaN;
        assertEquals("bathymetry, initial elevation and drag must be finite everywhere",
                message(() -> ShallowWaterProblem.builder().cells(8, 4).initialElevation(nan).build()));
    }

    @Test
    void aRegionOutsideTheDomainOrWithoutACellCentreIsRefused() {
        assertEquals("region of interest needs finite x0 < x1 and y0 < y1, was x0=1.0, x1=0.5, y0=0.0, y1=1.0",
                message(() -> ShallowWaterProblem.builder().regionOfInterest(1, 0.5, 0, 1)));
        assertEquals("region of interest [1.5, 2.5] x [0.0, 1.0] must lie within the domain [0, 2.0] x [0, 1.0]",
                message(() -> ShallowWaterProblem.builder().regionOfInterest(1.5, 2.5, 0, 1).build()));
        assertEquals("region of interest [0.0, 0.01] x [0.0, 1.0] contains no cell centre of the 64x32 grid (cell width"
                + " 0.03125 x 0.03125)", message(() -> ShallowWaterProblem.builder().regionOfInterest(0, 0.01, 0, 1).build()));
    }

    @Test
    void stepperArgumentsAreChecked() {
        ShallowWaterParameters p = ShallowWaterParameters.builder().timeStep(0.01).build();
        Decomposition2d thin = Decomposition2d.of(1, 5, ProcessGrid.of(1, 1, false, false));
        Decomposition2d fine = Decomposition2d.of(8, 5, ProcessGrid.of(1, 1, false, false));
        assertEquals("the grid needs >= 2 cells in each direction, was 1x5",
                message(() -> new ShallowWaterRk3(ShallowWaterCases.serial(), thin, p, 10)));
        assertEquals("finalStep must be >= 1, was 0", message(() -> new ShallowWaterRk3(ShallowWaterCases.serial(), fine, p, 0)));
        assertEquals("asselin must be in [0, 0.5), was -0.1",
                message(() -> new ShallowWaterLeapfrog(ShallowWaterCases.serial(), fine, p, -0.1, 10)));
        assertEquals("the time step is required: call timeStep(dt)", message(() -> ShallowWaterParameters.builder().build()));
        assertEquals("timeStep must be finite and > 0, was Infinity",
                message(() -> ShallowWaterParameters.builder().timeStep(Double.POSITIVE_INFINITY)));
        assertEquals("communicator has 1 ranks, the process grid 2x1 has 2", message(() -> new ShallowWaterRk3(
                ShallowWaterCases.serial(), Decomposition2d.of(8, 5, ProcessGrid.of(2, 1, false, false)), p, 10)));
    }

    @Test
    void tooFewCellsPerRankAreReportedOnEveryRank() {
        JobResult job = ThreadLauncher.run(3, (comm, args) -> ShallowWaterProblem.builder().cells(2, 6).communicator(comm)
                .processGrid(3, 1).build(), new String[0], Duration.ofSeconds(30));
        assertFalse(job.ok());
        assertTrue(job.message().contains("a 2x6 grid cannot be split over 3x1 ranks: every rank needs at least one cell"
                + " in each direction"), job.message());
    }

    @Test
    void aScheduleOfAnotherLengthIsRefused() {
        ShallowWaterProblem p = ShallowWaterProblem.builder().cells(8, 4).steps(10).build();
        assertEquals("schedule has 11 steps, the problem 10", message(() -> p.driver(BinomialSchedule.of(11, 3))));
    }
}
