package org.adjoint4j.examples.cli.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.ControlLayout;
import org.adjoint4j.adjoint.Controls;
import org.adjoint4j.adjoint.FieldLayout;
import org.adjoint4j.adjoint.FieldSpec;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationException;
import org.adjoint4j.examples.cli.config.ConfigurationReader;
import org.adjoint4j.examples.cli.model.FaultyHeat2dModelFactory;
import org.adjoint4j.examples.cli.model.Model;
import org.adjoint4j.examples.cli.model.ModelRegistry;
import org.adjoint4j.examples.cli.schedule.ScheduleSpec;
import org.adjoint4j.mpi.Block;
import org.adjoint4j.mpi.SerialCommunicator;
import org.adjoint4j.mpi.launch.JobResult;
import org.adjoint4j.mpi.launch.ThreadLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationPlanTest {

    @TempDir
    Path dir;

    private List<CheckResult> run(String model, String verification) throws IOException {
        Path f = Files.writeString(dir.resolve("v.toml"), "[model]\n" + model + "\n[verification]\n" + verification + "\n");
        ModelRegistry registry = FaultyHeat2dModelFactory.registryWithFaults();
        Configuration c = new ConfigurationReader(VerificationPlan.KEYS, registry.typeKey(), registry::keysOf)
                .read(f, List.of());
        Model m = registry.build(c);
        AdjointDriver driver = AdjointDriver.builder().stepper(m.stepper()).initialState(m.initialState())
                .objective(m.objective()).schedule(ScheduleSpec.binomial(m.steps(), 3).toSchedule()).build();
        return VerificationPlan.checks(m, c, driver, SerialCommunicator.instance()).stream()
                .map(VerificationCheck::run).toList();
    }

    @Test
    void aCorrectAdjointPassesDotProductTestsAtFirstMiddleAndLastStepAndTaylorTestsPerControl() throws IOException {
        List<CheckResult> results = run("type = \"heat2d\"\ncells = 8\nsteps = 10", "");
        assertEquals(List.of("dot product, step 0", "dot product, step 5", "dot product, step 9",
                "Taylor test, direction kappa", "Taylor test, direction u0", "Taylor test, direction all controls"),
                results.stream().map(CheckResult::name).toList());
        for (CheckResult r : results) {
            assertTrue(r.passed(), r.name() + ": " + r.summary());
        }
        CheckResult.Taylor t = (CheckResult.Taylor) results.get(3);
        assertEquals(6, t.result().h().length, "taylor_points default");
    }

    @Test
    void aWrongAdjointFailsEveryCheck() throws IOException {
        List<CheckResult> results = run("type = \"faulty-heat2d\"\nadjoint_scale = 1.01", "dot_product_steps = [2]\ntaylor_points = 4");
        assertEquals(4, results.size());
        for (CheckResult r : results) {
            assertFalse(r.passed(), r.name() + ": " + r.summary());
        }
        assertTrue(((CheckResult.DotProduct) results.get(0)).result().relativeMismatch() > 1e-3);
    }

    @Test
    void replicatedScalarsGetTheSameDirectionOnBlocksOfEverySize() {
        // two ranks of an uneven split: 6x4 and 5x4 cells, a scalar control after the fields
        ControlLayout wide = new ControlLayout(FieldLayout.of(FieldSpec.of("f", 6, 4, 0)), List.of("s"));
        ControlLayout narrow = new ControlLayout(FieldLayout.of(FieldSpec.of("f", 5, 4, 0)), List.of("s"));
        SerialCommunicator one = SerialCommunicator.instance();
        double s = VerificationPlan.direction(new Controls(wide), null, 7, one, new Block(0, 0, 6, 4)).scalar("s");
        assertTrue(s != 0, "the scalar is perturbed");
        assertEquals(s, VerificationPlan.direction(new Controls(narrow), null, 7, one, new Block(6, 0, 5, 4)).scalar("s"));
        assertEquals(s, VerificationPlan.direction(new Controls(narrow), "s", 7, one, new Block(6, 0, 5, 4)).scalar("s"), "alone or with the fields");
    }

    @Test
    void directionsCarryTheSizeOfEachControl() {
        ControlLayout layout = new ControlLayout(FieldLayout.of(FieldSpec.of("f", 3, 2, 1)), List.of("s", "zero"));
        Controls at = new Controls(layout);
        java.util.Arrays.fill(at.fields().get(0), -250.0);
        at.setScalar("s", 0.002);
        Controls d = VerificationPlan.direction(at, null, 11, SerialCommunicator.instance(), new Block(0, 0, 3, 2));
        for (double v : d.fields().owned(0)) {
            assertTrue(Math.abs(v) <= 250 && v != 0, "field value " + v);
        }
        assertTrue(Math.abs(d.scalar("s")) <= 0.002 && d.scalar("s") != 0);
        assertTrue(Math.abs(d.scalar("zero")) <= 1 && Math.abs(d.scalar("zero")) > 0.002, "a zero control gets unit scale");
    }

    @Test
    void taylorDirectionsAreTheSameOnAnyNumberOfRanks() throws IOException {
        // lorenz96 has a scalar control (F) and a field (x0) whose blocks differ in size over 3 ranks
        Path f = Files.writeString(dir.resolve("l.toml"), "[model]\ntype = \"lorenz96\"\nvariables = 11\nsteps = 4\n"
                + "observe_every = 2\nspin_up_time = 1.0\n[verification]\ndot_product_steps = [0]\n");
        ModelRegistry registry = ModelRegistry.standard();
        Configuration c = new ConfigurationReader(VerificationPlan.KEYS, registry.typeKey(), registry::keysOf).read(f, List.of());
        List<List<Double>> three = directionalDerivatives(registry, c, 3);
        // ∇J·δm counts the scalar part on each rank without a reduction: equal only if δF is
        assertEquals(1, three.stream().distinct().count(), three.toString());
        assertEquals(3, three.get(0).size(), "x0, F and all controls");
        List<Double> one = directionalDerivatives(registry, c, 1).get(0);
        for (int k = 0; k < one.size(); k++) {
            assertEquals(one.get(k), three.get(0).get(k), 1e-12 * Math.abs(one.get(k)), "check " + k + ": " + one + " vs " + three);
        }
    }

    /** ∇J·δm of every Taylor check of the plan, per rank, on {@code ranks} in-process ranks. */
    private static List<List<Double>> directionalDerivatives(ModelRegistry registry, Configuration c, int ranks) {
        ConcurrentLinkedQueue<List<Double>> derivatives = new ConcurrentLinkedQueue<>();
        JobResult job = ThreadLauncher.run(ranks, (comm, args) -> {
            Model m = registry.build(c, comm);
            AdjointDriver driver = AdjointDriver.builder().stepper(m.stepper()).initialState(m.initialState())
                    .objective(m.objective()).schedule(ScheduleSpec.binomial(m.steps(), 3).toSchedule()).communicator(comm)
                    .build();
            List<Double> mine = new ArrayList<>();
            for (VerificationCheck check : VerificationPlan.checks(m, c, driver, comm)) {
                if (check.run() instanceof CheckResult.Taylor t) {
                    mine.add(t.result().directionalDerivative());
                }
            }
            derivatives.add(mine);
        }, new String[0], Duration.ofSeconds(60));
        assertTrue(job.ok(), job.message());
        return new ArrayList<>(derivatives);
    }

    @Test
    void dotProductStepsMustBeStepsOfTheModel() throws IOException {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> run("type = \"heat2d\"\ncells = 8\nsteps = 10", "dot_product_steps = [3, 10]"));
        assertEquals("key 'verification.dot_product_steps': 10 is not allowed: expected steps in [0, 9] (in "
                + dir.resolve("v.toml") + "; the model has 10 steps)", e.getMessage());
    }
}
