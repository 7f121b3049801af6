package org.adjoint4j.examples.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.adjoint4j.adjoint.AdjointDriver;
import org.adjoint4j.adjoint.GradientResult;
import org.adjoint4j.adjoint.verify.DotProductResult;
import org.adjoint4j.adjoint.verify.TaylorResult;
import org.adjoint4j.examples.cli.config.Configuration;
import org.adjoint4j.examples.cli.config.ConfigurationReader;
import org.adjoint4j.examples.cli.model.Model;
import org.adjoint4j.examples.cli.model.ModelRegistry;
import org.adjoint4j.examples.cli.schedule.ScheduleSpec;
import org.adjoint4j.examples.cli.verify.CheckResult;
import org.adjoint4j.mpi.SerialCommunicator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

    @TempDir
    Path dir;

    private Configuration configuration;
    private Model model;
    private ScheduleSpec schedule;
    private final Instant started = Instant.parse("2025-01-02T03:04:05Z");

    @BeforeEach
    void smallHeat2d() throws IOException {
        Path f = Files.writeString(dir.resolve("c.toml"), "[model]\ntype = \"heat2d\"\ncells = 6\nsteps = 8\n");
        ModelRegistry registry = ModelRegistry.standard();
        configuration = new ConfigurationReader(List.of(), registry.typeKey(), registry::keysOf).read(f, List.of());
        model = registry.build(configuration);
        schedule = ScheduleSpec.binomial(8, 3);
    }

    private JsonReport runReport() {
        GradientResult r = AdjointDriver.builder().stepper(model.stepper()).initialState(model.initialState())
                .objective(model.objective()).schedule(schedule.toSchedule()).build().gradient(model.initialControls());
        JsonReport report = new JsonReport("run", "9.9", started, configuration, model, schedule, 1);
        report.gradient(r, model.objectiveInfo(), ControlNorm.of(r.gradient(), SerialCommunicator.instance()));
        report.files(List.of("report.json"));
        return report;
    }

    @Test
    void aRunReportConformsToTheSchemaAndHoldsEveryStatistic() {
        ObjectNode json = runReport().toJson(started.plusSeconds(2));
        assertEquals(List.of(), ReportSchema.errors(json));
        assertEquals("1.1", json.get("schemaVersion").asText());
        assertEquals(2.0, json.get("timestamps").get("wallSeconds").asDouble());
        assertEquals("9.9", json.get("versions").get("adjoint4j").asText());
        for (String key : new String[] {"steps", "forwardEvaluations", "adjointSteps", "recomputeFactor", "peakSnapshots",
            "tiers", "forwardNanos", "adjointNanos", "storageNanos", "objectiveNanos", "overheadNanos", "totalNanos"}) {
            assertTrue(json.get("statistics").has(key), key);
        }
        assertEquals(6 * 6 * 8, json.get("model").get("stateBytes").asLong());
        assertEquals(6, json.get("configuration").get("values").get("model").get("cells").asInt());
    }

    @Test
    void theSchemaRejectsReportsThatBreakIt() {
        ObjectNode good = runReport().toJson(started);
        ObjectNode noVersion = good.deepCopy();
        noVersion.remove("schemaVersion");
        assertFalse(ReportSchema.errors(noVersion).isEmpty());
        ObjectNode noStatistics = good.deepCopy();
        noStatistics.remove("statistics");
        assertFalse(ReportSchema.errors(noStatistics).isEmpty(), "a run report needs statistics");
        ObjectNode extra = good.deepCopy();
        extra.put("surprise", 1);
        assertFalse(ReportSchema.errors(extra).isEmpty(), "undocumented fields are caught");
        ObjectNode badTier = good.deepCopy();
        ((ObjectNode) badTier.get("statistics").get("tiers")).putObject("tape");
        assertFalse(ReportSchema.errors(badTier).isEmpty());
    }

    @Test
    void aVerificationReportCarriesEveryCheckAndNonFiniteNumbersAsNull() throws IOException {
        JsonReport report = new JsonReport("verify", "9.9", started, configuration, model, schedule, 1);
        TaylorResult noOrder = new TaylorResult(1.0, 0.5, new double[] {1e-2, 5e-3, 2.5e-3},
                new double[] {1e-18, 1e-19, 0}, new boolean[3], Double.NaN);
        report.verification(List.of(
                new CheckResult.DotProduct("dot product, step 0", 0, new DotProductResult(1.0, 1.0)),
                new CheckResult.Taylor("Taylor test, direction kappa", "kappa", noOrder)));
        report.files(List.of("report.json"));
        Path file = dir.resolve("report.json");
        report.write(file, started.plusMillis(10));
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        assertEquals(List.of(), ReportSchema.errors(json));
        assertEquals("failed", json.get("status").asText());
        ArrayNode checks = (ArrayNode) json.get("verification").get("checks");
        assertEquals(2, checks.size());
        assertTrue(checks.get(1).get("order").isNull());
        assertEquals(1, json.get("verification").get("checksPassed").asInt());
    }
}
