package nl.taxledger.service.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import nl.taxledger.service.testing.LedgerClient;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed API contract ({@code src/main/resources/openapi/ledger-api.json}, from which the test client is
 * generated) is the one the service serves, and it is one a client generator can use. After a change to the API,
 * write the file anew with {@code -Dopenapi.write=true} and commit it.
 */
@LedgerServiceTest
class OpenApiContractTest {
    static final Path COMMITTED = Path.of("src/main/resources/openapi/ledger-api.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    LedgerClient ledger;

    /** The contract as served; only to a signed-in user (domain.md §12). */
    private JsonNode served() {
        return ledger.http().get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
    }

    @Test
    void the_committed_contract_is_the_served_one() throws IOException {
        JsonNode served = served();
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, JSON.writeValueAsString(served) + "\n");
        }

        assertThat(JSON.readTree(Files.readString(COMMITTED)))
                .as("%s differs from /v3/api-docs: run this test with -Dopenapi.write=true and commit it", COMMITTED)
                .isEqualTo(served);
    }

    @Test
    void every_command_of_the_catalogue_is_one_documented_operation_with_its_body() {
        JsonNode paths = served().path("paths");

        for (CommandCatalogue.Entry entry : CommandCatalogue.entries()) {
            JsonNode post = paths.path("/api/commands/" + entry.type()).path("post");
            assertThat(post.path("requestBody").path("content").path("application/json").path("schema")
                    .path("$ref").asString()).as(entry.type()).endsWith("/" + entry.shape().getSimpleName());
        }
    }

    @Test
    void every_operation_documents_its_problem_answers_with_exact_media_types() {
        served().path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode responses = method.getValue().path("responses");
            String operation = method.getKey() + " " + path.getKey();
            assertThat(responses.propertyNames()).as(operation).anyMatch(status -> status.startsWith("4"));
            responses.properties().forEach(response -> {
                assertThat(response.getValue().path("content").propertyNames()).as(operation).doesNotContain("*/*");
                if (response.getKey().startsWith("4")) {
                    assertThat(response.getValue().path("content").has("application/problem+json")).as(operation)
                            .isTrue();
                }
            });
        }));
    }

    @Test
    void no_framework_type_leaks_into_the_contract() {
        String spec = served().toString();

        assertThat(spec).doesNotContain("HttpHeaders").doesNotContain("HttpServletRequest")
                .doesNotContain("StreamingResponseBody");
    }
}
