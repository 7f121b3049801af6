package org.adjoint4j.solvers.heat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.TimeStepper;
import org.adjoint4j.checkpoint.schedule.BinomialSchedule;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.launch.RankProgram;

/**
 * A heat2d gradient as a job. Arguments: output file, N, T, snapshots, failing rank (-1: none),
 * failing adjoint step. Rank 0 writes J, then dJ/dκ and dJ/du0 gathered over all cells, as doubles.
 */
public final class Heat2dGradientJob implements RankProgram {

    @Override
    public void run(Communicator comm, String[] args) throws IOException {
        int n = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        int snapshots = Integer.parseInt(args[3]);
        int failingRank = Integer.parseInt(args[4]);
        int failingStep = Integer.parseInt(args[5]);
        Heat2dProblem p = Heat2dProblem.builder().cells(n).steps(steps).communicator(comm).build();
        TimeStepper stepper = comm.rank() == failingRank ? failingAt(p.stepper(), failingStep) : p.stepper();
        GradientResult r = p.driverBuilder(BinomialSchedule.of(steps, snapshots)).stepper(stepper).build()
                .gradient(p.initialControls());
        double[] kappa = p.decomposition().gather(comm, r.gradient().fields().owned(0), 0);
        double[] u0 = p.decomposition().gather(comm, r.gradient().fields().owned(1), 0);
        if (comm.rank() == 0) {
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Paths.get(args[0])))) {
                out.writeDouble(r.value());
                for (double v : kappa) {
                    out.writeDouble(v);
                }
                for (double v : u0) {
                    out.writeDouble(v);
                }
            }
        }
    }

    /** The stepper, except that its adjoint throws at step {@code failingStep}. */
    private static TimeStepper failingAt(Heat2d stepper, int failingStep) {
        return new TimeStepper() {
            @Override
            public FieldLayout stateLayout() {
                return stepper.stateLayout();
            }

            @Override
            public ControlLayout controlLayout() {
                return stepper.controlLayout();
            }

            @Override
            public void prepare(Controls controls) {
                stepper.prepare(controls);
            }

            @Override
            public void forward(int n, Fields in, Fields out, Controls controls) {
                stepper.forward(n, in, out, controls);
            }

            @Override
            public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient) {
                if (n == failingStep) {
                    throw new IllegalStateException("adjoint step " + n + " failed on purpose");
                }
                stepper.adjoint(n, in, adjOut, adjIn, controls, gradient);
            }
        };
    }
}
