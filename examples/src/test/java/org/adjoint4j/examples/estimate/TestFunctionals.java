package org.adjoint4j.examples.estimate;

import java.util.List;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.NonFiniteValueException;
import org.adjoint4j.adjoint.ReducedFunctional;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.ProcessGrid;
import org.adjoint4j.mpi.ReduceOp;
import org.adjoint4j.mpi.SerialCommunicator;

/** Cost functions with known minima for the optimiser tests. */
final class TestFunctionals {

    private TestFunctionals() {
    }

    /** Rosenbrock's function of the scalars x, y: (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1). */
    static final class Rosenbrock implements ReducedFunctional {
        static final ControlLayout LAYOUT = new ControlLayout(FieldLayout.of(), List.of("x", "y"));
        int values;
        int gradients;

        @Override
        public ControlLayout controlLayout() {
            return LAYOUT;
        }

        @Override
        public Communicator communicator() {
            return SerialCommunicator.instance();
        }

        @Override
        public double value(Controls m) {
            values++;
            double x = m.scalars()[0];
            double y = m.scalars()[1];
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        }

        @Override
        public GradientResult gradient(Controls m) {
            gradients++;
            double x = m.scalars()[0];
            double y = m.scalars()[1];
            Controls g = new Controls(LAYOUT);
            g.scalars()[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g.scalars()[1] = 200 * (y - x * x);
            double v = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
            return new GradientResult(v, g, null, null, null);
        }
    }

    /**
     * J(m) = ½ Σ<sub>cells c</sub> a<sub>c</sub> (m<sub>c</sub> − t<sub>c</sub>)² + ½ (s − 3)² over a
     * field m on an nx×ny grid split over the ranks and a scalar s, with a<sub>c</sub> from 1 to 100
     * (condition number 100) and t<sub>c</sub> = sin(c): the minimum is m = t, s = 3. Optionally not
     * finite (the model "blows up") when some m<sub>c</sub> exceeds a limit.
     */
    static final class DistributedQuadratic implements ReducedFunctional {
        final int nx;
        final int ny;
        final Communicator comm;
        final Decomposition2d decomposition;
        final ControlLayout layout;
        final double blowUpAbove;

        DistributedQuadratic(int nx, int ny, Communicator comm, double blowUpAbove) {
            this.nx = nx;
            this.ny = ny;
            this.comm = comm;
            this.decomposition = Decomposition2d.of(nx, ny, ProcessGrid.balanced(comm.size(), nx, ny, false, false));
            Block b = decomposition.block(comm.rank());
            this.layout = new ControlLayout(FieldLayout.of(FieldSpec.of("m", b.nx(), b.ny(), 1)), List.of("s"));
            this.blowUpAbove = blowUpAbove;
        }

        static double target(int c) {
            return Math.sin(c);
        }

        static double curvature(int c, int cells) {
            return 1 + 99.0 * c / Math.max(1, cells - 1);
        }

        @Override
        public ControlLayout controlLayout() {
            return layout;
        }

        @Override
        public Communicator communicator() {
            return comm;
        }

        @Override
        public double value(Controls m) {
            return gradient(m).value();
        }

        @Override
        public GradientResult gradient(Controls m) {
            Block b = decomposition.block(comm.rank());
            FieldSpec s = layout.fields().get(0);
            Controls g = new Controls(layout);
            double local = 0;
            boolean blown = false;
            for (int j = 0; j < b.ny(); j++) {
                for (int i = 0; i < b.nx(); i++) {
                    int c = (b.offsetY() + j) * nx + b.offsetX() + i;
                    double v = m.fields().get(0)[s.index(i, j)];
                    blown |= v > blowUpAbove;
                    double a = curvature(c, nx * ny);
                    local += 0.5 * a * (v - target(c)) * (v - target(c));
                    g.fields().get(0)[s.index(i, j)] = a * (v - target(c));
                }
            }
            if (comm.allreduce(blown ? 1 : 0, ReduceOp.MAX) > 0) {
                throw new NonFiniteValueException(NonFiniteValueException.Phase.FORWARD_STEP, 3, comm.rank(), "blew up");
            }
            double sc = m.scalars()[0];
            g.scalars()[0] = sc - 3;
            double value = comm.allreduce(local, ReduceOp.SUM) + 0.5 * (sc - 3) * (sc - 3);
            return new GradientResult(value, g, null, null, null);
        }
    }
}
