package nl.taxledger.service.security;

import static nl.taxledger.service.security.AccessRule.Scope.PATH;
import static nl.taxledger.service.security.AccessRule.Scope.QUERY;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The single authorization table (domain.md §11): the security filter chain decides every request by the first
 * rule that matches it, and a request no rule matches is refused. {@code AccessRulesCoverageTest} fails for a
 * mapped endpoint without a rule, {@code docs/security.md} is checked against {@link #describe()}.
 */
final class AccessRules implements AuthorizationManager<RequestAuthorizationContext> {
    private static final Set<Role> STAFF = Role.STAFF;
    private static final Set<Role> STAFF_AND_PARTICIPANT =
            EnumSet.of(Role.CLERK, Role.SUPERVISOR, Role.ACCOUNTANT, Role.PARTICIPANT);
    private static final Set<Role> SUPERVISOR = EnumSet.of(Role.SUPERVISOR);

    private final List<AccessRule> rules;
    private final List<RequestMatcher> matchers;

    AccessRules(List<AccessRule> rules) {
        this.rules = List.copyOf(rules);
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        this.matchers = this.rules.stream()
                .map(rule -> (RequestMatcher) builder.matcher(rule.method(), rule.pattern()))
                .toList();
    }

    /** The ledger's table. {@code localUsers}: the {@code /api/users} rules exist in the local sign-in mode only. */
    static AccessRules ledger(boolean localUsers) {
        List<AccessRule> table = new ArrayList<>();
        table.add(AccessRule.open(null, "/error"));
        table.add(AccessRule.open(GET, "/actuator/health"));
        table.add(AccessRule.open(GET, "/actuator/health/**"));
        table.add(AccessRule.roles(null, "/actuator/**", SUPERVISOR));
        for (String docs :
                List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")) {
            table.add(AccessRule.signedIn(GET, docs));
        }
        CommandPermissions.SUPERVISOR_ONLY.stream()
                .sorted()
                .forEach(type ->
                        table.add(AccessRule.roles(POST, "/api/commands/" + type, CommandPermissions.SUPERVISOR)));
        table.add(AccessRule.roles(POST, "/api/commands/*", CommandPermissions.BOOKING_ROLES));
        // the batch import: each line is checked again by its command type (CommandPermissions)
        table.add(AccessRule.roles(POST, "/api/commands", CommandPermissions.BOOKING_ROLES));
        table.add(AccessRule.roles(GET, "/api/processors", STAFF));
        table.add(AccessRule.roles(POST, "/api/processors/*/rebuild", SUPERVISOR));
        if (localUsers) {
            table.add(AccessRule.roles(GET, "/api/users", SUPERVISOR));
            table.add(AccessRule.roles(POST, "/api/users", SUPERVISOR));
            table.add(AccessRule.roles(POST, "/api/users/*/disable", SUPERVISOR));
            table.add(AccessRule.roles(POST, "/api/users/*/password", SUPERVISOR));
        }
        table.add(AccessRule.roles(GET, "/api/debtors/**", STAFF));
        table.add(AccessRule.roles(GET, "/api/suspense", STAFF));
        // bank files in (domain.md §9): booking work, like the command path
        table.add(AccessRule.roles(POST, "/api/bank-statements", CommandPermissions.BOOKING_ROLES));
        table.add(AccessRule.roles(GET, "/api/bank-accounts", STAFF));
        table.add(AccessRule.roles(GET, "/api/bank-reconciliation", STAFF));
        table.add(AccessRule.roles(GET, "/api/reconciliation/totals", STAFF));
        table.add(AccessRule.scoped(GET, "/api/reconciliation", STAFF_AND_PARTICIPANT, QUERY));
        table.add(AccessRule.scoped(GET, "/api/reconciliation/{participantId}/*/*", STAFF_AND_PARTICIPANT, PATH));
        table.add(AccessRule.scoped(GET, "/api/participants/{participantId}/remittances", STAFF_AND_PARTICIPANT, PATH));
        table.add(AccessRule.scoped(
                GET, "/api/participants/{participantId}/remittances/**", STAFF_AND_PARTICIPANT, PATH));
        table.add(AccessRule.scoped(GET, "/api/participants/{participantId}/position", STAFF_AND_PARTICIPANT, PATH));
        // one file paying every participant: other participants' IBANs and amounts, so staff only
        table.add(AccessRule.roles(GET, "/api/remittance-runs/*/pain001.xml", STAFF));
        // refund files name debtors' accounts: staff only, never a participant
        table.add(AccessRule.roles(GET, "/api/refund-batches", STAFF));
        table.add(AccessRule.roles(GET, "/api/refund-batches/*/pain001.xml", STAFF));
        // direct-debit runs name debtors, mandates and (in the pain.008) their IBANs: staff only
        table.add(AccessRule.roles(GET, "/api/direct-debit-runs", STAFF));
        table.add(AccessRule.roles(GET, "/api/direct-debit-runs/*", STAFF));
        table.add(AccessRule.roles(GET, "/api/direct-debit-runs/*/pain008.xml", STAFF));
        table.add(AccessRule.scoped(GET, "/api/reports/weekly", STAFF_AND_PARTICIPANT, QUERY));
        table.add(AccessRule.roles(GET, "/api/reports/*", STAFF));
        // verify reads every row of the store: for who answers for the ledger's integrity (§11: ACCOUNTANT's verify)
        table.add(AccessRule.roles(GET, "/api/chain/verify", EnumSet.of(Role.ACCOUNTANT, Role.SUPERVISOR)));
        // the web view's pages (issue 16)
        table.addAll(WebPages.rules(localUsers));
        return new AccessRules(table);
    }

    List<AccessRule> rules() {
        return rules;
    }

    /** The first rule matching {@code request}; empty means the request is refused. */
    Optional<AccessRule> ruleFor(HttpServletRequest request) {
        for (int i = 0; i < rules.size(); i++) {
            if (matchers.get(i).matches(request)) {
                return Optional.of(rules.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        for (int i = 0; i < rules.size(); i++) {
            RequestMatcher.MatchResult match = matchers.get(i).matcher(request);
            if (match.isMatch()) {
                AccessRule rule = rules.get(i);
                Optional<String> participant =
                        switch (rule.scope()) {
                            case NONE -> Optional.empty();
                            case PATH ->
                                Optional.ofNullable(match.getVariables().get(AccessRule.PARTICIPANT_VARIABLE));
                            case QUERY -> onlyValue(request.getParameterValues(AccessRule.PARTICIPANT_VARIABLE));
                        };
                return new AuthorizationDecision(rule.allows(Principals.of(authentication.get()), participant));
            }
        }
        return new AuthorizationDecision(false);
    }

    /** A repeated parameter names no single participant, so it scopes to none. */
    private static Optional<String> onlyValue(String[] values) {
        return values != null && values.length == 1 ? Optional.of(values[0]) : Optional.empty();
    }

    /** The table as markdown rows, in order of precedence. */
    String describe() {
        StringBuilder table = new StringBuilder("| method | path | who may |\n|---|---|---|\n");
        for (AccessRule rule : rules) {
            table.append("| ")
                    .append(rule.method() == null ? "any" : rule.method().name())
                    .append(" | `")
                    .append(rule.pattern())
                    .append("` | ")
                    .append(rule.describeAccess())
                    .append(" |\n");
        }
        table.append("| any | anything else | nobody (refused) |\n");
        return table.toString();
    }
}
