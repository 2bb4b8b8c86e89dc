package lessonbook.format.ipynb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * A notebook checked as nbformat's own validator checks it: against nbformat's JSON schema for v4.5
 * (src/test/resources/nbformat, BSD licence there) with a schema validator, plus the one rule the schema cannot
 * say and nbformat checks in code, that cell ids are unique.
 */
public final class NbformatCheck {
    private static final Schema SCHEMA = loadSchema();

    private NbformatCheck() {
    }

    public static void assertValid(JsonNode notebook) {
        assertThat(problems(notebook)).as("nbformat 4.5 validity of %s", abbreviated(notebook)).isEmpty();
    }

    /** What nbformat's validator would say is wrong; empty for a valid notebook. */
    public static List<String> problems(JsonNode notebook) {
        List<String> problems = new java.util.ArrayList<>();
        for (Error error : SCHEMA.validate(notebook.toString(), InputFormat.JSON)) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode cell : notebook.path("cells")) {
            if (cell.has("id") && !ids.add(cell.get("id").asText())) {
                problems.add("cell id '" + cell.get("id").asText() + "' is not unique");
            }
        }
        return problems;
    }

    private static String abbreviated(JsonNode notebook) {
        String text = notebook.toString();
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }

    private static Schema loadSchema() {
        try (InputStream in = NbformatCheck.class.getResourceAsStream("/nbformat/nbformat.v4.5.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("nbformat.v4.5.schema.json is not on the test class path");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
