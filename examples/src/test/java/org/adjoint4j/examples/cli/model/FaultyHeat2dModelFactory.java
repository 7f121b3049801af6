package org.adjoint4j.examples.cli.model;

import java.util.List;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.adjoint.Fields;
import org.adjoint4j.adjoint.TimeStepper;
import org.adjoint4j.examples.cli.config.ConfigKey;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ValueTypes;
import org.adjoint4j.mpi.Communicator;
import org.adjoint4j.solvers.heat.Heat2dProblem;

/**
 * {@code model.type = "faulty-heat2d"}: heat2d with faults to order, for tests of failure paths: a NaN
 * written by forward step {@code model.nan_at_step}, an adjoint scaled by {@code model.adjoint_scale}
 * (a wrong adjoint unless 1), and a delay of {@code model.delay_ms} in every step (to interrupt a run
 * at a chosen point).
 */
public final class FaultyHeat2dModelFactory implements ModelFactory {

    static final ConfigKey<Integer> CELLS = ConfigKey.optional("model.cells", ValueTypes.integer(2, 64), 8, "cells");
    static final ConfigKey<Integer> STEPS = ConfigKey.optional("model.steps", ValueTypes.integer(1, 1000), 10, "steps");
    static final ConfigKey<Integer> NAN_AT_STEP = ConfigKey.optional("model.nan_at_step",
            ValueTypes.integer(-1, 1000), -1, "forward step that writes a NaN; -1 for none");
    static final ConfigKey<Double> ADJOINT_SCALE = ConfigKey.optional("model.adjoint_scale", ValueTypes.numberAbove(0),
            1.0, "factor applied to the adjoint's output");
    static final ConfigKey<Integer> DELAY_MS = ConfigKey.optional("model.delay_ms", ValueTypes.integer(0, 1000), 0,
            "milliseconds every forward and adjoint step waits");

    /** A registry of heat2d and this model. */
    public static ModelRegistry registryWithFaults() {
        return new ModelRegistry(List.of(new Heat2dModelFactory(), new FaultyHeat2dModelFactory()));
    }

    @Override
    public String type() {
        return "faulty-heat2d";
    }

    @Override
    public String summary() {
        return "heat2d with an injected NaN and/or a wrong adjoint";
    }

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(CELLS, STEPS, NAN_AT_STEP, ADJOINT_SCALE, DELAY_MS);
    }

    @Override
    public Model build(Configuration configuration, Communicator comm) {
        int steps = configuration.get(STEPS);
        Heat2dProblem problem = Heat2dProblem.builder().cells(configuration.get(CELLS)).steps(steps).communicator(comm).build();
        TimeStepper faulty = new Faulty(problem.stepper(), configuration.get(NAN_AT_STEP), configuration.get(ADJOINT_SCALE),
                configuration.get(DELAY_MS));
        return Model.builder()
                .name(type(), "faulty heat2d")
                .stepper(faulty, steps)
                .initialState(problem.initialState())
                .objective(problem.objective(), new FieldInfo("J", "misfit", "1"))
                .initialControls(problem.initialControls())
                .grid(Grid2d.unitSquare(problem.cells()))
                .distribution(comm, problem.decomposition())
                .build();
    }

    private static final class Faulty implements TimeStepper {
        private final TimeStepper inner;
        private final int nanAt;
        private final double adjointScale;
        private final int delayMillis;

        Faulty(TimeStepper inner, int nanAt, double adjointScale, int delayMillis) {
            this.inner = inner;
            this.nanAt = nanAt;
            this.adjointScale = adjointScale;
            this.delayMillis = delayMillis;
        }

        private void pause() {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public FieldLayout stateLayout() {
            return inner.stateLayout();
        }

        @Override
        public ControlLayout controlLayout() {
            return inner.controlLayout();
        }

        @Override
        public void prepare(Controls controls) {
            inner.prepare(controls);
        }

        @Override
        public void forward(int n, Fields in, Fields out, Controls controls) {
            pause();
            inner.forward(n, in, out, controls);
            if (n == nanAt) {
                FieldSpec s = out.spec(0);
                out.get(0)[s.index(1, 1)] = Double.NaN;
            }
        }

        @Override
        public void adjoint(int n, Fields in, Fields adjOut, Fields adjIn, Controls controls, Controls gradient) {
            pause();
            inner.adjoint(n, in, adjOut, adjIn, controls, gradient);
            adjIn.scale(adjointScale);
        }
    }
}
