package org.adjoint4j.solvers.burgers;

import java.util.Arrays;
import java.util.List;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.Objective;
import org.adjoint4j.mpi.Block;

/**
 * The kinetic energy in a rectangle of cells, J<sub>n</sub> = ½·ΔxΔy·Σ<sub>region</sub>(u² + v²), at the
 * last step and at chosen steps. Each rank sums the region's cells it owns.
 */
final class RegionKineticEnergy implements Objective {

    private final double cellArea;
    private final int[] steps;
    private final int i0;
    private final int i1;
    private final int j0;
    private final int j1;

    /**
     * @param cellArea ΔxΔy
     * @param region   global cells {@code {i0, i1, j0, j1}}, half-open
     * @param block    this rank's block
     * @param steps    steps with a term besides the last, sorted, distinct
     */
    RegionKineticEnergy(double cellArea, int[] region, Block block, int[] steps) {
        this.cellArea = cellArea;
        this.steps = steps.clone();
        this.i0 = Math.max(region[0], block.offsetX()) - block.offsetX();
        this.i1 = Math.min(region[1], block.offsetX() + block.nx()) - block.offsetX();
        this.j0 = Math.max(region[2], block.offsetY()) - block.offsetY();
        this.j1 = Math.min(region[3], block.offsetY() + block.ny()) - block.offsetY();
    }

    @Override
    public boolean observes(int n, boolean last) {
        return last || Arrays.binarySearch(steps, n) >= 0;
    }

    @Override
    public double value(int n, boolean last, Fields u, Controls controls) {
        FieldSpec s = u.spec(0);
        double[] uu = u.get(0);
        double[] vv = u.get(1);
        double sum = 0;
        for (int j = j0; j < j1; j++) {
            for (int i = i0; i < i1; i++) {
                int k = s.index(i, j);
                sum += uu[k] * uu[k] + vv[k] * vv[k];
            }
        }
        return termsAt(n, last) * 0.5 * cellArea * sum;
    }

    @Override
    public void gradient(int n, boolean last, Fields u, Controls controls, Fields adjoint, Controls gradient) {
        FieldSpec s = u.spec(0);
        double weight = termsAt(n, last) * cellArea;
        for (int f = 0; f < 2; f++) {
            double[] values = u.get(f);
            double[] lambda = adjoint.get(f);
            for (int j = j0; j < j1; j++) {
                for (int i = i0; i < i1; i++) {
                    int k = s.index(i, j);
                    lambda[k] += weight * values[k];
                }
            }
        }
    }

    /** A chosen step that is also the last one has two terms. */
    private int termsAt(int n, boolean last) {
        return (last ? 1 : 0) + (Arrays.binarySearch(steps, n) >= 0 ? 1 : 0);
    }

    @Override
    public void check(FieldLayout state, ControlLayout controls, int runSteps) {
        if (!state.names().equals(List.of("u", "v"))) {
            throw new IllegalArgumentException("kinetic energy needs state fields [u, v], the state has " + state.names());
        }
        for (int n : steps) {
            if (n > runSteps) {
                throw new IllegalArgumentException("energy step " + n + " is beyond the run's " + runSteps + " steps");
            }
        }
    }
}
