package org.adjoint4j.adjoint;

import java.util.Arrays;
import java.util.Objects;
import org.adjoint4j.checkpoint.SnapshotStore;
import org.adjoint4j.checkpoint.Tier;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;

/**
 * Measures what writing and reading a snapshot on the disk tier cost in units of one forward step,
 * the inputs of the multi-level schedule's cost model: a few forward steps from u<sub>0</sub>, then a
 * durable write (flushed) and a read of one snapshot, each repeated, medians taken. The slowest rank's
 * figures are used on every rank, so that all ranks build the same schedule. A collective call; it
 * uses slot 0 of the disk store and leaves it free.
 */
public final class DiskCostCalibration {

    private static final int REPETITIONS = 3;

    private DiskCostCalibration() {
    }

    /**
     * The costs of one disk write and one disk read, in forward steps.
     *
     * @param write a durable write of one snapshot
     * @param read  a read of one snapshot
     */
    public record Costs(double write, double read) {
    }

    /**
     * Measures the costs.
     *
     * @param stepper      the model's step; {@link TimeStepper#prepare} is called with a copy of {@code controls}
     * @param initialState gives the state u<sub>0</sub> the timed steps start from
     * @param controls     m: read, not modified
     * @param disk         a {@link Tier#DISK} store of the stepper's state with slot 0 free; slot 0 is
     *                     written, read and discarded, and left free
     * @param comm         the ranks; every rank calls with the same {@code steps}
     * @param steps        forward steps to time (at least 1, at most the run's length) per repetition;
     *                     every repetition starts again from u<sub>0</sub>, so step indices run from 0 to
     *                     {@code steps − 1}
     * @return the costs of one write and one read in units of one forward step: the largest median
     *         times over ranks divided by the largest median step time; the same on every rank
     * @throws IllegalArgumentException if the store is not a disk store with a free slot 0, or
     *                                  {@code steps < 1}
     */
    public static Costs measure(TimeStepper stepper, InitialState initialState, Controls controls, SnapshotStore disk,
                                Communicator comm, int steps) {
        Objects.requireNonNull(disk, "disk");
        if (disk.tier() != Tier.DISK || disk.capacity() < 1 || disk.heldStep(0) >= 0) {
            throw new IllegalArgumentException("calibration needs a disk store with a free slot 0, was " + disk);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        Controls m = controls.copy();
        stepper.prepare(m);
        Fields u = new Fields(stepper.stateLayout());
        Fields next = new Fields(stepper.stateLayout());
        double[] step = new double[REPETITIONS];
        double[] write = new double[REPETITIONS];
        double[] read = new double[REPETITIONS];
        int n = steps;
        for (int k = 0; k < REPETITIONS; k++) {
            // every repetition starts from u_0, so the stepper sees only the steps 0 .. steps - 1 of a run
            initialState.evaluate(m, u);
            long t = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                stepper.forward(i, u, next, m);
                Fields swap = u;
                u = next;
                next = swap;
            }
            step[k] = (System.nanoTime() - t) / (double) steps;
            t = System.nanoTime();
            disk.store(0, n, u);
            disk.flush();
            write[k] = System.nanoTime() - t;
            t = System.nanoTime();
            disk.restore(0, n, next);
            read[k] = System.nanoTime() - t;
            disk.discard(0, n);
        }
        double stepNanos = comm.allreduce(median(step), ReduceOp.MAX);
        return new Costs(comm.allreduce(median(write), ReduceOp.MAX) / stepNanos,
                comm.allreduce(median(read), ReduceOp.MAX) / stepNanos);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
