package org.adjoint4j.solvers.burgers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;

/** Perturbation directions for the burgers2d tests, and the check that they stay off the flux's switching set. */
final class BurgersDirections {

    /**
     * The smallest face speed the Taylor tests must keep: every face's mean normal velocity stays above
     * it, so |ā| never switches branch between m and m + h0·δm.
     */
    static final double SPEED_MARGIN = 0.1;

    private BurgersDirections() {
    }

    /**
     * A direction perturbing only {@code control}: for a field, a function of the global cell index
     * (smooth plus a rough part), so it is the same field on any number of ranks; for {@code nu}, 1.
     */
    static Controls only(BurgersProblem p, String control, int seed) {
        Controls d = new Controls(p.stepper().controlLayout());
        if (control.equals(Burgers2d.NU)) {
            d.setScalar(Burgers2d.NU, 1.0);
            return d;
        }
        Block b = p.decomposition().block(p.communicator().rank());
        double[] values = new double[b.cells()];
        for (int j = 0; j < b.ny(); j++) {
            for (int i = 0; i < b.nx(); i++) {
                int gi = b.offsetX() + i;
                int gj = b.offsetY() + j;
                values[j * b.nx() + i] = Math.cos(0.7 * gi + 1.3 * gj + seed) + 0.3 * Math.sin(3.1 * gi * gj + seed);
            }
        }
        d.fields().setOwned(d.layout().fields().indexOf(control), values);
        return d;
    }

    /** The sum of the directions of every control. */
    static Controls all(BurgersProblem p, int seed) {
        Controls d = new Controls(p.stepper().controlLayout());
        int k = 0;
        for (String name : new String[] {Burgers2d.U0, Burgers2d.V0, Burgers2d.FORCING_U, Burgers2d.FORCING_V, Burgers2d.NU}) {
            d.addScaled(1.0, only(p, name, seed + k++));
        }
        return d;
    }

    /**
     * A first step h<sub>0</sub> that changes the perturbed controls by 1 % of their own size:
     * 0.01·max|m<sub>c</sub>| / max|δm| over the controls c that δm perturbs (over all ranks), or over
     * all controls if those are zero. The Taylor test's default, 1 % of the largest control of all,
     * would change ν (0.05) by a quarter of its value, where J's curvature in ν (the vortices decay as
     * exp(−2νk²t)) already shows in the remainders.
     */
    static double firstStep(Communicator comm, Controls m, Controls direction) {
        double perturbed = 0;
        for (int f = 0; f < m.layout().fields().size(); f++) {
            if (maxAbs(direction.fields(), f) > 0) {
                perturbed = Math.max(perturbed, maxAbs(m.fields(), f));
            }
        }
        for (int i = 0; i < m.scalars().length; i++) {
            if (direction.scalars()[i] != 0) {
                perturbed = Math.max(perturbed, Math.abs(m.scalars()[i]));
            }
        }
        double scale = comm.allreduce(perturbed, ReduceOp.MAX);
        if (scale == 0) {
            scale = comm.allreduce(m.maxAbs(), ReduceOp.MAX);
        }
        double dMax = comm.allreduce(direction.maxAbs(), ReduceOp.MAX);
        return 0.01 * scale / dMax;
    }

    private static double maxAbs(Fields fields, int f) {
        FieldSpec s = fields.spec(f);
        double[] a = fields.get(f);
        double max = 0;
        for (int j = 0; j < s.ny(); j++) {
            for (int i = 0; i < s.nx(); i++) {
                max = Math.max(max, Math.abs(a[s.index(i, j)]));
            }
        }
        return max;
    }

    /**
     * Asserts that the runs at m and at m + h0·δm keep u and v above {@link #SPEED_MARGIN} in every cell
     * at every step, hence every face's mean normal velocity too: no |ā| changes branch along the
     * Taylor test's perturbations. The Runge–Kutta stages are convex combinations of forward-Euler
     * steps, which under the time-step limit keep the upwind scheme's bounds, so they need no check of
     * their own. A collective call.
     */
    static void assertNoFaceSwitches(BurgersProblem p, Controls m, Controls direction, double h0) {
        Controls perturbed = m.copy();
        perturbed.addScaled(h0, direction);
        for (Controls c : new Controls[] {m, perturbed}) {
            double smallest = smallestVelocity(p, c);
            assertTrue(smallest > SPEED_MARGIN, "a velocity came within " + smallest + " of zero");
        }
    }

    /** The smallest u or v over all cells and steps of a run at {@code m}. */
    static double smallestVelocity(BurgersProblem p, Controls m) {
        Burgers2d stepper = p.stepper();
        Controls c = m.copy();
        stepper.prepare(c);
        Fields u = new Fields(stepper.stateLayout());
        Fields next = new Fields(stepper.stateLayout());
        p.initialState().evaluate(c, u);
        double smallest = Double.POSITIVE_INFINITY;
        for (int n = 0; n <= p.steps(); n++) {
            for (int f = 0; f < 2; f++) {
                FieldSpec s = u.spec(f);
                double[] a = u.get(f);
                for (int j = 0; j < s.ny(); j++) {
                    for (int i = 0; i < s.nx(); i++) {
                        smallest = Math.min(smallest, a[s.index(i, j)]);
                    }
                }
            }
            if (n < p.steps()) {
                stepper.forward(n, u, next, c);
                Fields t = u;
                u = next;
                next = t;
            }
        }
        return p.communicator().allreduce(smallest, ReduceOp.MIN);
    }
}
