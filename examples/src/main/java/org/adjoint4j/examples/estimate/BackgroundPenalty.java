package org.adjoint4j.examples.estimate;

import java.util.Objects;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.mpi.ReduceOp;

/**
 * A background (prior) term for one control, R(m) = ½·Σ (m − m<sub>b</sub>)² / σ², summed over the
 * owned cells of a control field on every rank or taken once for a replicated scalar: the
 * diagonal-covariance background term of variational data assimilation, which also regularises an
 * ill-posed estimate towards the prior.
 */
public final class BackgroundPenalty implements Penalty {

    private final String control;
    private final double sigma;
    private final Controls background;
    private final Communicator comm;
    private final boolean scalar;

    /**
     * A background term for the control field or scalar {@code control}.
     *
     * @param control    name of the control field or replicated scalar the term applies to
     * @param sigma      σ, the prior's standard deviation, finite and > 0
     * @param background m<sub>b</sub> (copied): this rank's values of every control
     * @param comm       the ranks the control fields are spread over; {@link #value} sums over them
     * @throws IllegalArgumentException if σ is not positive and finite, or there is no such control
     */
    public BackgroundPenalty(String control, double sigma, Controls background, Communicator comm) {
        this.control = Objects.requireNonNull(control, "control");
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("background standard deviation of " + control
                    + " must be finite and > 0, was " + sigma);
        }
        this.sigma = sigma;
        this.background = background.copy();
        this.comm = Objects.requireNonNull(comm, "comm");
        this.scalar = background.layout().scalars().contains(control);
        if (!scalar && !background.layout().fields().names().contains(control)) {
            throw new IllegalArgumentException("no control called '" + control + "'; controls are "
                    + background.layout().fields().names() + " and " + background.layout().scalars());
        }
    }

    @Override
    public double value(Controls controls) {
        double w = 1 / (sigma * sigma);
        if (scalar) {
            double d = controls.scalar(control) - background.scalar(control);
            return 0.5 * w * d * d;
        }
        FieldSpec s = spec(controls);
        double[] m = controls.field(control);
        double[] b = background.field(control);
        double sum = 0;
        for (int j = 0; j < s.ny(); j++) {
            for (int i = 0; i < s.nx(); i++) {
                double d = m[s.index(i, j)] - b[s.index(i, j)];
                sum += d * d;
            }
        }
        return 0.5 * w * comm.allreduce(sum, ReduceOp.SUM);
    }

    @Override
    public void addGradient(Controls controls, Controls gradient) {
        double w = 1 / (sigma * sigma);
        if (scalar) {
            int k = controls.layout().scalarIndex(control);
            gradient.scalars()[k] += w * (controls.scalars()[k] - background.scalars()[k]);
            return;
        }
        FieldSpec s = spec(controls);
        double[] m = controls.field(control);
        double[] b = background.field(control);
        double[] g = gradient.field(control);
        for (int j = 0; j < s.ny(); j++) {
            for (int i = 0; i < s.nx(); i++) {
                int k = s.index(i, j);
                g[k] += w * (m[k] - b[k]);
            }
        }
    }

    private FieldSpec spec(Controls controls) {
        return controls.layout().fields().get(controls.layout().fields().indexOf(control));
    }

    @Override
    public String describe() {
        return "background of " + control + ", sigma " + sigma;
    }
}
