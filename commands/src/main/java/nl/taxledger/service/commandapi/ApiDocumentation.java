package nl.taxledger.service.commandapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the API contract. The server is relative ({@code /}): the document is the same wherever the service
 * runs, so the committed copy can be compared with the served one. Every operation needs a signed-in principal
 * (docs/security.md): HTTP Basic for local users, or a bearer JWT from the cooperation's identity provider.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    @Bean
    OpenAPI ledgerApi() {
        return new OpenAPI()
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("local users (ledger.security.mode=local, the default)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("tokens of the identity provider (ledger.security.mode=oidc)")))
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)))
                .info(new Info().title("Tax receivables ledger").version("0.1.0")
                        .description("Commands (one operation per command of the catalogue, and an NDJSON import),"
                                + " queries and reports of the ledger. Rejections are application/problem+json with"
                                + " a stable `code` (domain.md §8) and, for a field error, the `field`."))
                .servers(List.of(new Server().url("/").description("this service")));
    }
}
