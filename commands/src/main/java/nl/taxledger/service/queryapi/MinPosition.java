package nl.taxledger.service.queryapi;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.eventstore.ProjectionSync;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes on the query side (README.md "Reading your own writes"): a query marked {@link ReadModels}
 * and given a minimum position waits, at most {@code ledger.read-your-writes.max-wait-ms} (default
 * {@value #DEFAULT_MAX_WAIT_MS}), until each of its read models has committed that position; past the bound it
 * answers 503 READ_MODEL_BEHIND with each read model's position (ProblemDetails). A query without one answers at
 * once, as before.
 */
@Configuration(proxyBeanMethods = false)
class MinPosition implements WebMvcConfigurer {
    static final String HEADER = "Ledger-Min-Position";
    static final String PARAMETER = "minPosition";
    static final long DEFAULT_MAX_WAIT_MS = 2_000;
    /** A bound above this would hold a request thread for longer than any caller should wait for a read model. */
    static final long MAX_WAIT_LIMIT_MS = 30_000;

    private final ProjectionSync sync;
    private final Duration maxWait;

    MinPosition(
            ProjectionSync sync,
            @Value("${ledger.read-your-writes.max-wait-ms:" + DEFAULT_MAX_WAIT_MS + "}") long maxWaitMs) {
        if (maxWaitMs < 0 || maxWaitMs > MAX_WAIT_LIMIT_MS) {
            throw new IllegalArgumentException(
                    "ledger.read-your-writes.max-wait-ms must be in 0.." + MAX_WAIT_LIMIT_MS + ": " + maxWaitMs);
        }
        this.sync = sync;
        this.maxWait = Duration.ofMillis(maxWaitMs);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(ReadModels.class)) {
                    Long position = requested(request);
                    if (position != null) {
                        sync.awaitPosition(
                                position,
                                List.of(method.getMethodAnnotation(ReadModels.class)
                                        .value()),
                                maxWait);
                    }
                }
                return true;
            }
        });
    }

    /** The contract: every query marked {@link ReadModels} lists the header, the parameter and the 503 answer. */
    @Bean
    OperationCustomizer minPositionInContract() {
        return (operation, handler) -> {
            if (!handler.hasMethodAnnotation(ReadModels.class)) {
                return operation;
            }
            String meaning = "Read-your-writes: answer only once the read model has processed this global position"
                    + " (a command's Ledger-Position), waiting at most ledger.read-your-writes.max-wait-ms";
            operation.addParametersItem(new HeaderParameter()
                    .name(HEADER)
                    .required(false)
                    .description(meaning)
                    .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
            operation.addParametersItem(new QueryParameter()
                    .name(PARAMETER)
                    .required(false)
                    .description("The same as header " + HEADER + " (for links)")
                    .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
            operation
                    .getResponses()
                    .addApiResponse(
                            "503",
                            new ApiResponse()
                                    .description(
                                            "Service Unavailable: READ_MODEL_BEHIND, the read model did not reach the minimum"
                                                    + " position in time; the problem names each read model's position")
                                    .content(new Content()
                                            .addMediaType(
                                                    org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                                    new io.swagger.v3.oas.models.media.MediaType()
                                                            .schema(new Schema<>()
                                                                    .$ref("#/components/schemas/Problem")))));
            return operation;
        };
    }

    /** The minimum position asked for: the header, else the parameter; null when neither is given. */
    static Long requested(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        String parameter = request.getParameter(PARAMETER);
        if (header != null && parameter != null && !header.strip().equals(parameter.strip())) {
            throw new LedgerRejection(
                    ErrorCode.VALIDATION_FAILED, PARAMETER, HEADER + " and " + PARAMETER + " differ: give one");
        }
        String text = header != null ? header : parameter;
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(text.strip());
            if (position < 0) {
                throw new NumberFormatException("negative");
            }
            return position;
        } catch (NumberFormatException notAPosition) {
            throw new LedgerRejection(
                    ErrorCode.VALIDATION_FAILED,
                    PARAMETER,
                    "a minimum position is a global position (a whole number ≥ 0), not " + text);
        }
    }
}
