package nl.taxledger.service.commandapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the API contract. The server is relative ({@code /}): the document is the same wherever the service
 * runs, so the committed copy can be compared with the served one.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI ledgerApi() {
        return new OpenAPI()
                .info(new Info().title("Tax receivables ledger").version("0.1.0")
                        .description("Commands (one operation per command of the catalogue, and an NDJSON import),"
                                + " queries and reports of the ledger. Rejections are application/problem+json with"
                                + " a stable `code` (domain.md §8) and, for a field error, the `field`."))
                .servers(List.of(new Server().url("/").description("this service")));
    }
}
