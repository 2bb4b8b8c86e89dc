package lessonbook.format.ipynb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The check the format tests rely on finds what nbformat's validator finds, so it can fail. */
class NbformatCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode notebook(String outputs, String id2) throws Exception {
        return JSON.readTree("{\"cells\": [{\"cell_type\": \"code\", \"id\": \"a\", \"metadata\": {}, \"source\": \"1\","
                + "\"execution_count\": 1, \"outputs\": " + outputs + "},"
                + "{\"cell_type\": \"markdown\", \"id\": \"" + id2 + "\", \"metadata\": {}, \"source\": [\"# x\"]}],"
                + "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
    }

    @Test
    void aValidNotebookHasNoProblems() throws Exception {
        assertThat(NbformatCheck.problems(notebook("[{\"output_type\": \"stream\", \"name\": \"stdout\","
                + " \"text\": [\"hi\\n\"]}, {\"output_type\": \"execute_result\", \"execution_count\": 1,"
                + " \"data\": {\"text/plain\": \"1\"}, \"metadata\": {}}]", "b"))).isEmpty();
    }

    @Test
    void whatTheSchemaForbidsAndDuplicateIdsAreFound() throws Exception {
        assertThat(NbformatCheck.problems(notebook("[{\"output_type\": \"stream\", \"name\": \"stdout\"}]", "b")))
                .as("a stream without text").isNotEmpty();
        assertThat(NbformatCheck.problems(notebook("[{\"output_type\": \"execute_result\","
                + " \"data\": {\"text/plain\": \"1\"}, \"metadata\": {}}]", "b")))
                .as("execute_result without execution_count").isNotEmpty();
        assertThat(NbformatCheck.problems(notebook("[{\"output_type\": \"stream\", \"name\": \"stdout\","
                + " \"text\": \"hi\", \"extra\": 1}]", "b"))).isNotEmpty();
        assertThat(NbformatCheck.problems(notebook("[]", "a"))).containsExactly("cell id 'a' is not unique");
    }
}
