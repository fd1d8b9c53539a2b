package nl.taxledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import nl.taxledger.service.testing.LedgerServiceTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Deny by default, made to last: every endpoint Spring MVC maps must be named by a rule of the one table, so a new
 * endpoint cannot be open (or closed) by accident; docs/security.md shows that same table.
 */
@LedgerServiceTest
@TestPropertySource(properties = "ledger.test.own-ledger=security")
class AccessRulesCoverageTest {
    private static final Path SECURITY_DOC = Path.of("../docs/security.md");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mvc;

    @Test
    void every_mapped_endpoint_has_an_explicit_rule() {
        AccessRules rules = AccessRules.ledger(true);
        List<String> endpoints = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        for (RequestMappingInfo mapping : mvc.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (String pattern : mapping.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
                    String endpoint = method + " " + pattern;
                    endpoints.add(endpoint);
                    if (rules.ruleFor(request(method.name(), pattern)).isEmpty()) {
                        uncovered.add(endpoint);
                    }
                }
            }
        }

        assertThat(endpoints).contains("POST /api/commands/{type}", "POST /api/users",
                "GET /api/participants/{participantId}/position");
        assertThat(uncovered).as("endpoints without a rule in AccessRules").isEmpty();
    }

    @Test
    void an_endpoint_the_table_does_not_name_is_refused() {
        AccessRules rules = AccessRules.ledger(true);

        assertThat(rules.ruleFor(request("GET", "/api/something-new"))).isEmpty();
        assertThat(rules.ruleFor(request("DELETE", "/api/debtors/S1"))).isEmpty();
        assertThat(rules.ruleFor(request("POST", "/api/debtors/S1"))).isEmpty();
    }

    @Test
    void docs_security_md_shows_the_table_in_force() throws Exception {
        String doc = Files.readString(SECURITY_DOC);

        assertThat(doc).as("docs/security.md: paste AccessRules.ledger(true).describe() between the markers")
                .contains("<!-- access-rules:start -->\n" + AccessRules.ledger(true).describe()
                        + "<!-- access-rules:end -->");
    }

    /** A request for {@code pattern} with every {@code {variable}} filled in. */
    private static MockHttpServletRequest request(String method, String pattern) {
        String path = pattern.replaceAll("\\{[^}]+}", "X1").replace("/**", "/x");
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }
}
