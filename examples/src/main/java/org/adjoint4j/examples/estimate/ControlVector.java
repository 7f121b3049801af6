package org.adjoint4j.examples.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;

/**
 * The estimated controls as one flat vector replicated on every rank, for optimisers that want a
 * {@code double[]}: each estimated field as its global nx·ny cells (x fastest), then the estimated
 * scalars. Control fields are assumed to live on the cells of the decomposition's grid.
 */
final class ControlVector {

    private final Communicator comm;
    private final Decomposition2d decomposition;
    private final List<Integer> fields = new ArrayList<>();
    private final List<Integer> scalars = new ArrayList<>();
    private final int length;

    ControlVector(ControlLayout layout, Set<String> estimated, Communicator comm, Decomposition2d decomposition) {
        this.comm = Objects.requireNonNull(comm, "comm");
        this.decomposition = Objects.requireNonNull(decomposition, "decomposition");
        Block b = decomposition.block(comm.rank());
        for (int f = 0; f < layout.fields().size(); f++) {
            FieldSpec s = layout.fields().get(f);
            if (estimated.contains(s.name())) {
                if (s.nx() != b.nx() || s.ny() != b.ny()) {
                    throw new IllegalArgumentException("control field " + s.name() + " is " + s.nx() + "x" + s.ny()
                            + " on rank " + comm.rank() + ", not the grid block " + b.nx() + "x" + b.ny());
                }
                fields.add(f);
            }
        }
        for (int i = 0; i < layout.scalars().size(); i++) {
            if (estimated.contains(layout.scalars().get(i))) {
                scalars.add(i);
            }
        }
        this.length = fields.size() * decomposition.nx() * decomposition.ny() + scalars.size();
    }

    /** The vector's length. */
    int length() {
        return length;
    }

    /** The estimated parts of {@code controls}, on every rank. A collective call. */
    double[] gather(Controls controls) {
        double[] v = new double[length];
        int cells = decomposition.nx() * decomposition.ny();
        int offset = 0;
        for (int f : fields) {
            double[] global = decomposition.gather(comm, controls.fields().owned(f), 0);
            if (comm.rank() == 0) {
                System.arraycopy(global, 0, v, offset, cells);
            }
            offset += cells;
        }
        if (offset > 0) {
            comm.broadcast(v, 0, offset, 0);
        }
        for (int i : scalars) {
            v[offset++] = controls.scalars()[i];
        }
        return v;
    }

    /** Writes this rank's part of {@code vector} into the estimated parts of {@code controls}. */
    void scatter(double[] vector, Controls controls) {
        Block b = decomposition.block(comm.rank());
        int cells = decomposition.nx() * decomposition.ny();
        int offset = 0;
        double[] owned = new double[b.cells()];
        for (int f : fields) {
            for (int j = 0; j < b.ny(); j++) {
                System.arraycopy(vector, offset + (b.offsetY() + j) * decomposition.nx() + b.offsetX(), owned, j * b.nx(),
                        b.nx());
            }
            controls.fields().setOwned(f, owned);
            offset += cells;
        }
        for (int i : scalars) {
            controls.scalars()[i] = vector[offset++];
        }
    }
}
