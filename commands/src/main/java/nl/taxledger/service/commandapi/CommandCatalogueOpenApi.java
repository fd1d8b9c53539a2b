package nl.taxledger.service.commandapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.taxledger.ledger.api.ErrorCode;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The API contract from the {@link CommandCatalogue}: one documented operation per command (so a client generator
 * makes one typed method each), with its request schema, the caller headers, and its problem answers
 * ({@code application/problem+json}, with the codes each status carries). Operations of the other controllers that
 * document no 4xx answer get the generic ones: a malformed parameter (400) and, with a path parameter, 404.
 */
@Component
class CommandCatalogueOpenApi implements OpenApiCustomizer {
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";
    private static final String OUTCOME = "CommandOutcome";

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema());
        addSchemas(components, CommandOutcome.class);
        // the fact a command recorded is one of many event types: an object, not Jackson's JsonNode API
        components.getSchemas().remove("JsonNode");
        components
                .getSchemas()
                .get(OUTCOME)
                .addProperty(
                        "result",
                        new io.swagger.v3.oas.models.media.ObjectSchema()
                                .description("The recorded fact's payload (its type is resultType)"));
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(CommandCatalogueOpenApi::problems));
        for (CommandCatalogue.Entry entry : CommandCatalogue.entries()) {
            addSchemas(components, entry.shape());
            openApi.getPaths().addPathItem("/api/commands/" + entry.type(), new PathItem().post(operation(entry)));
        }
        importOperation(openApi.getPaths().get("/api/commands").getPost(), components);
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(CommandCatalogueOpenApi::signIn));
    }

    /** Every operation needs a principal (401 without one) with a role that may use it (403 FORBIDDEN). */
    private static void signIn(Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (!responses.containsKey("401")) {
            responses.addApiResponse(
                    "401",
                    new ApiResponse()
                            .description("Unauthorized: no valid credentials")
                            .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM)))));
        }
        if (!responses.containsKey("403")) {
            responses.addApiResponse("403", problemResponse(List.of(ErrorCode.FORBIDDEN)));
        }
    }

    /** The NDJSON import: lines of text in and out, not the framework's stream types. */
    private static void importOperation(Operation operation, Components components) {
        callerHeaders(operation);
        Content lines = new Content();
        lines.addMediaType(
                BatchImportController.NDJSON_VALUE,
                new MediaType().schema(new StringSchema().description("One command a line, each with its `type`")));
        operation.requestBody(new RequestBody().required(true).content(lines));
        operation
                .getResponses()
                .get("200")
                .description("One result a line, in the order of the input")
                .content(new Content()
                        .addMediaType(BatchImportController.NDJSON_VALUE, new MediaType().schema(new StringSchema())));
        components.getSchemas().remove("StreamingResponseBody");
    }

    private static Operation operation(CommandCatalogue.Entry entry) {
        String type = entry.type();
        Operation operation = new Operation()
                .operationId(Character.toLowerCase(type.charAt(0)) + type.substring(1))
                .summary(entry.description())
                .description("Command `" + type + "`; the same body, with `\"type\":\"" + type + "\"`, is a line of the"
                        + " NDJSON import. A re-send with the same commandId answers the first result.")
                .addTagsItem("commands")
                .requestBody(new RequestBody()
                        .required(true)
                        .content(json(ref(entry.shape().getSimpleName()))));
        callerHeaders(operation);
        ApiResponses responses = new ApiResponses()
                .addApiResponse(
                        "200",
                        new ApiResponse()
                                .description("The fact the command recorded")
                                .addHeaderObject(
                                        Callers.REPLAYED,
                                        new Header()
                                                .description("true when this is the stored result of"
                                                        + " an earlier send with the same commandId")
                                                .schema(new StringSchema()._enum(List.of("true", "false"))))
                                .addHeaderObject(
                                        CommandOutcome.POSITION_HEADER,
                                        new Header()
                                                .description("The global position of"
                                                        + " the command's last event (as `position`; absent when it appended none): give it to a"
                                                        + " query as Ledger-Min-Position to read this command's effect")
                                                .schema(new IntegerSchema().format("int64")))
                                .content(json(ref(OUTCOME))));
        codesByStatus().forEach((status, codes) -> responses.addApiResponse(status, problemResponse(codes)));
        return operation.responses(responses);
    }

    private static void callerHeaders(Operation operation) {
        operation.addParametersItem(header(Callers.WHY, "Why: decision or document reference"));
        operation.addParametersItem(header(Callers.SOURCE, "From where (statement entry, batch file); default api"));
    }

    private static HeaderParameter header(String name, String description) {
        HeaderParameter header = new HeaderParameter();
        header.name(name).description(description).required(false).schema(new StringSchema());
        return header;
    }

    /** An operation that documents no 4xx answer gets the generic problem answers. */
    private static void problems(Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (responses.keySet().stream().anyMatch(status -> status.startsWith("4"))) {
            return;
        }
        responses.addApiResponse("400", problemResponse(List.of(ErrorCode.VALIDATION_FAILED)));
        boolean pathParameter = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
        if (pathParameter) {
            responses.addApiResponse("404", problemResponse(codesByStatus().get("404")));
        }
    }

    /** Every code by the HTTP status it answers with, as {@link ProblemDetails} maps them. */
    static Map<String, List<ErrorCode>> codesByStatus() {
        return Arrays.stream(ErrorCode.values())
                .collect(Collectors.groupingBy(
                        code -> Integer.toString(ProblemDetails.status(code).value()),
                        TreeMap::new,
                        Collectors.toList()));
    }

    private static ApiResponse problemResponse(List<ErrorCode> codes) {
        String reason =
                HttpStatus.valueOf(ProblemDetails.status(codes.get(0)).value()).getReasonPhrase();
        return new ApiResponse()
                .description(reason + ": " + codes.stream().map(Enum::name).collect(Collectors.joining(", ")))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("urn:taxledger:error:CODE"));
        properties.put("title", new StringSchema().description("The code"));
        properties.put("status", new io.swagger.v3.oas.models.media.IntegerSchema().format("int32"));
        properties.put("detail", new StringSchema().description("What is wrong, for a person"));
        properties.put("instance", new StringSchema().format("uri"));
        properties.put(
                "code",
                new StringSchema()
                        ._enum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList())
                        .description("The stable error code (domain.md §8)"));
        properties.put("field", new StringSchema().description("The request field at fault, when one is"));
        return new io.swagger.v3.oas.models.media.ObjectSchema()
                .description("RFC 9457 problem details")
                .properties(properties)
                .required(List.of("code"));
    }

    private static void addSchemas(Components components, Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance().readAllAsResolvedSchema(new AnnotatedType(type));
        components.addSchemas(type.getSimpleName(), resolved.schema);
        resolved.referencedSchemas.forEach(components::addSchemas);
    }

    private static Content json(Schema<?> schema) {
        return new Content()
                .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType().schema(schema));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }
}
