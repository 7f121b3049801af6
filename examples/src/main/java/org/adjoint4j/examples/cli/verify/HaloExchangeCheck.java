package org.adjoint4j.examples.cli.verify;

import java.util.Objects;
import org.adjoint4j.adjoint.verify.HaloDotProductTest;
import org.adjoint4j.examples.cli.model.Model;
import org.adjoint4j.mpi.HaloExchange;

/** The dot-product test of the halo exchange of a model's decomposition (ghosts of width 1, as the steppers use). */
public final class HaloExchangeCheck implements VerificationCheck {

    private static final int FIELDS = 2;

    private final Model model;
    private final boolean corners;
    private final long seed;

    /**
     * A check of {@code model}'s exchange, with or without corners.
     *
     * @param model   the model whose communicator and decomposition are tested
     * @param corners whether corner ghosts are exchanged too
     * @param seed    seed of the random fields of the test
     */
    public HaloExchangeCheck(Model model, boolean corners, long seed) {
        this.model = Objects.requireNonNull(model, "model");
        this.corners = corners;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "halo exchange, width 1" + (corners ? ", corners" : "");
    }

    @Override
    public CheckResult run() {
        HaloExchange halo = HaloExchange.builder(model.communicator(), model.decomposition()).width(1).corners(corners).build();
        return new CheckResult.HaloDotProduct(name(), 1, corners, model.communicator().size(),
                HaloDotProductTest.run(model.communicator(), halo, FIELDS, seed));
    }
}
