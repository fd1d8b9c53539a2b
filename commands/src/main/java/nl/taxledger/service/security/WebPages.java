package nl.taxledger.service.security;

import static nl.taxledger.service.security.AccessRule.Scope.PATH;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The web view's pages (issue 16): everything that is not the REST API, its documentation or actuator. Pages have
 * a session of their own (form sign-in, CSRF on every post, see {@link WebSignIn}) and their rules in the one
 * table of {@link AccessRules}, so docs/security.md shows them beside the API's.
 */
final class WebPages {
    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /** The API side: HTTP Basic or bearer tokens, problem+json answers. */
    static final RequestMatcher API = new OrRequestMatcher(
            PATHS.matcher("/api/**"),
            PATHS.matcher("/actuator/**"),
            PATHS.matcher("/v3/**"),
            PATHS.matcher("/swagger-ui.html"),
            PATHS.matcher("/swagger-ui/**"));

    /** Everything else is a page (unknown paths too: they are refused by the table, as a page). */
    static final RequestMatcher PAGES = new NegatedRequestMatcher(API);

    private static final Set<Role> STAFF = Role.STAFF;
    private static final Set<Role> STAFF_AND_PARTICIPANT =
            EnumSet.of(Role.CLERK, Role.SUPERVISOR, Role.ACCOUNTANT, Role.PARTICIPANT);
    private static final Set<Role> SUPERVISOR = EnumSet.of(Role.SUPERVISOR);
    /** Who answers for the ledger's integrity: the chain head and its anchors. */
    private static final Set<Role> AUDIT = EnumSet.of(Role.ACCOUNTANT, Role.SUPERVISOR);

    private WebPages() {}

    /** The pages' rules, in order of precedence; {@code localUsers}: the users page exists in local mode only. */
    static List<AccessRule> rules(boolean localUsers) {
        List<AccessRule> table = new java.util.ArrayList<>();
        table.add(AccessRule.open(GET, "/login"));
        table.add(AccessRule.open(POST, "/login"));
        table.add(AccessRule.open(POST, "/logout"));
        table.add(AccessRule.open(GET, "/css/**"));
        table.add(AccessRule.open(GET, "/webjars/**"));
        table.add(AccessRule.signedIn(GET, "/"));
        table.add(AccessRule.signedIn(GET, "/ik"));
        table.add(AccessRule.roles(GET, "/debiteuren", STAFF));
        table.add(AccessRule.roles(GET, "/debiteuren/**", STAFF));
        // the forms post through the command path, which checks the command's roles again (CommandPermissions)
        CommandPermissions.SUPERVISOR_ONLY.stream()
                .sorted()
                .forEach(type -> table.add(AccessRule.roles(null, "/boeken/" + type, CommandPermissions.SUPERVISOR)));
        table.add(AccessRule.roles(GET, "/boeken", CommandPermissions.BOOKING_ROLES));
        table.add(AccessRule.roles(GET, "/boeken/*", CommandPermissions.BOOKING_ROLES));
        table.add(AccessRule.roles(POST, "/boeken/*", CommandPermissions.BOOKING_ROLES));
        // the answer of the session's own last command (a flash attribute), nothing else
        table.add(AccessRule.roles(GET, "/boeken/*/gelukt", CommandPermissions.BOOKING_ROLES));
        table.add(AccessRule.roles(GET, "/suspense", STAFF));
        table.add(AccessRule.roles(GET, "/bankbestanden", CommandPermissions.BOOKING_ROLES));
        table.add(AccessRule.roles(POST, "/bankbestanden", CommandPermissions.BOOKING_ROLES));
        // direct-debit runs (domain.md §10): read by staff like the API; prepared through /boeken/PrepareDirectDebitRun
        table.add(AccessRule.roles(GET, "/incasso", STAFF));
        table.add(AccessRule.roles(GET, "/incasso/*", STAFF));
        table.add(AccessRule.roles(GET, "/bankreconciliatie", STAFF));
        table.add(AccessRule.roles(GET, "/keten", AUDIT));
        // reads every row of the store: only for who answers for the ledger's integrity, like the page
        table.add(AccessRule.roles(GET, "/keten/controle", AUDIT));
        table.add(AccessRule.roles(GET, "/goedkeuren", SUPERVISOR));
        if (localUsers) {
            table.add(AccessRule.roles(GET, "/gebruikers", SUPERVISOR));
            table.add(AccessRule.roles(POST, "/gebruikers", SUPERVISOR));
        }
        table.add(AccessRule.roles(GET, "/verwerkers", STAFF));
        table.add(AccessRule.roles(POST, "/verwerkers/*/herbouwen", SUPERVISOR));
        table.add(AccessRule.roles(GET, "/rapporten", STAFF));
        table.add(AccessRule.roles(GET, "/rapporten/**", STAFF));
        table.add(AccessRule.roles(GET, "/deelnemers", STAFF));
        table.add(AccessRule.scoped(GET, "/deelnemers/{participantId}", STAFF_AND_PARTICIPANT, PATH));
        table.add(AccessRule.scoped(GET, "/deelnemers/{participantId}/**", STAFF_AND_PARTICIPANT, PATH));
        return table;
    }
}
