package org.adjoint4j.examples.estimate;

import java.util.Objects;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.Decomposition2d;
import org.adjoint4j.mpi.HaloExchange;
import org.adjoint4j.mpi.ReduceOp;

/**
 * A first-order Tikhonov (smoothness) regularisation of a control field,
 * R(m) = ½·α·Σ<sub>faces (a, b)</sub> (m<sub>a</sub> − m<sub>b</sub>)², the sum over the faces between
 * neighbouring cells of the global grid (across a periodic boundary too). It penalises the field's
 * gradient, not its value, so a constant field costs nothing; its derivative is
 * ∂R/∂m<sub>a</sub> = α·Σ<sub>b neighbour of a</sub> (m<sub>a</sub> − m<sub>b</sub>), α times the
 * negative graph Laplacian. Each face is counted once, by the rank that owns its west or south cell.
 */
public final class SmoothnessPenalty implements Penalty {

    private final String field;
    private final double weight;
    private final Communicator comm;
    private final FieldSpec spec;
    private final HaloExchange halo;
    private final double[] work;
    private final boolean hasEast;
    private final boolean hasNorth;
    private final boolean westWall;
    private final boolean eastWall;
    private final boolean southWall;
    private final boolean northWall;

    /**
     * A penalty on the control field {@code field}.
     *
     * @param field         name of the regularised control field
     * @param weight        α, at least 0
     * @param comm          the ranks the field is spread over; collective calls run on all of them
     * @param decomposition how the field's grid is split over the ranks of {@code comm}
     * @throws IllegalArgumentException if the weight is negative or not finite
     */
    public SmoothnessPenalty(String field, double weight, Communicator comm, Decomposition2d decomposition) {
        this.field = Objects.requireNonNull(field, "field");
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight of the smoothness of " + field + " must be finite and >= 0, was "
                    + weight);
        }
        this.weight = weight;
        this.comm = Objects.requireNonNull(comm, "comm");
        Block b = decomposition.block(comm.rank());
        this.spec = FieldSpec.of(field, b.nx(), b.ny(), 1);
        this.halo = HaloExchange.builder(comm, decomposition).width(1).ghost(1).build();
        this.work = new double[spec.storedLength()];
        boolean px = decomposition.grid().periodicX();
        boolean py = decomposition.grid().periodicY();
        this.westWall = !px && b.offsetX() == 0;
        this.eastWall = !px && b.offsetX() + b.nx() == decomposition.nx();
        this.southWall = !py && b.offsetY() == 0;
        this.northWall = !py && b.offsetY() + b.ny() == decomposition.ny();
        this.hasEast = px || decomposition.nx() > 1;
        this.hasNorth = py || decomposition.ny() > 1;
    }

    @Override
    public double value(Controls controls) {
        fill(controls);
        double sum = 0;
        for (int j = 0; j < spec.ny(); j++) {
            for (int i = 0; i < spec.nx(); i++) {
                double m = work[spec.index(i, j)];
                if (hasEast && !(eastWall && i == spec.nx() - 1)) {
                    double d = m - work[spec.index(i + 1, j)];
                    sum += d * d;
                }
                if (hasNorth && !(northWall && j == spec.ny() - 1)) {
                    double d = m - work[spec.index(i, j + 1)];
                    sum += d * d;
                }
            }
        }
        return 0.5 * weight * comm.allreduce(sum, ReduceOp.SUM);
    }

    @Override
    public void addGradient(Controls controls, Controls gradient) {
        fill(controls);
        double[] g = gradient.field(field);
        FieldSpec gs = gradient.layout().fields().get(gradient.layout().fields().indexOf(field));
        for (int j = 0; j < spec.ny(); j++) {
            for (int i = 0; i < spec.nx(); i++) {
                double m = work[spec.index(i, j)];
                double sum = 0;
                if (hasEast && !(westWall && i == 0)) {
                    sum += m - work[spec.index(i - 1, j)];
                }
                if (hasEast && !(eastWall && i == spec.nx() - 1)) {
                    sum += m - work[spec.index(i + 1, j)];
                }
                if (hasNorth && !(southWall && j == 0)) {
                    sum += m - work[spec.index(i, j - 1)];
                }
                if (hasNorth && !(northWall && j == spec.ny() - 1)) {
                    sum += m - work[spec.index(i, j + 1)];
                }
                g[gs.index(i, j)] += weight * sum;
            }
        }
    }

    /** Copies the owned cells into the work array with ghost cells and exchanges its halo. */
    private void fill(Controls controls) {
        FieldSpec cs = controls.layout().fields().get(controls.layout().fields().indexOf(field));
        if (cs.nx() != spec.nx() || cs.ny() != spec.ny()) {
            throw new IllegalArgumentException("control field " + field + " is " + cs.nx() + "x" + cs.ny()
                    + " on rank " + comm.rank() + ", the decomposition's block " + spec.nx() + "x" + spec.ny());
        }
        double[] m = controls.field(field);
        for (int j = 0; j < spec.ny(); j++) {
            for (int i = 0; i < spec.nx(); i++) {
                work[spec.index(i, j)] = m[cs.index(i, j)];
            }
        }
        halo.exchange(work);
    }

    @Override
    public String describe() {
        return "smoothness of " + field + ", weight " + weight;
    }
}
