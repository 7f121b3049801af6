package org.adjoint4j.examples.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates reports against the shipped JSON Schema with an independent validator (networknt). */
public final class ReportSchema {

    private static final Schema SCHEMA = load();

    private ReportSchema() {
    }

    private static Schema load() {
        try (InputStream in = JsonReport.class.getResourceAsStream(JsonReport.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new AssertionError("schema resource " + JsonReport.SCHEMA_RESOURCE + " is missing");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validation errors of {@code report}; empty when it conforms. */
    public static List<String> errors(JsonNode report) {
        return SCHEMA.validate(report).stream().map(Object::toString).toList();
    }
}
