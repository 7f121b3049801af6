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
     * @param steps forward steps to time (at least 1)
     * @throws IllegalArgumentException if the store is not a disk store with a free slot 0
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
        initialState.evaluate(m, u);
        double[] step = new double[REPETITIONS];
        double[] write = new double[REPETITIONS];
        double[] read = new double[REPETITIONS];
        int n = 0;
        for (int k = 0; k < REPETITIONS; k++) {
            long t = System.nanoTime();
            for (int i = 0; i < steps; i++, n++) {
                stepper.forward(n, u, next, m);
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
