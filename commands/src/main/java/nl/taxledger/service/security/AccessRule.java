package nl.taxledger.service.security;

import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * One line of the authorization table: requests matching {@code method} (null: any) and {@code pattern} are
 * open to {@code access}. A participant-scoped rule names where the participantId of the request stands; a
 * {@code PARTICIPANT} principal passes only for its own participant.
 */
record AccessRule(HttpMethod method, String pattern, Access access, Set<Role> roles, Scope scope) {

    enum Access {
        /** no sign-in (health, error page) */
        PUBLIC,
        /** any signed-in principal (API documentation) */
        SIGNED_IN,
        /** a principal with one of {@code roles} */
        ROLES
    }

    /** Where a participant-scoped request names its participant. */
    enum Scope {
        NONE,
        /** the {@code {participantId}} path variable */
        PATH,
        /** the {@code participantId} query parameter (required for a participant) */
        QUERY
    }

    static final String PARTICIPANT_VARIABLE = "participantId";

    static AccessRule open(HttpMethod method, String pattern) {
        return new AccessRule(method, pattern, Access.PUBLIC, Set.of(), Scope.NONE);
    }

    static AccessRule signedIn(HttpMethod method, String pattern) {
        return new AccessRule(method, pattern, Access.SIGNED_IN, Set.of(), Scope.NONE);
    }

    static AccessRule roles(HttpMethod method, String pattern, Set<Role> roles) {
        return new AccessRule(method, pattern, Access.ROLES, roles, Scope.NONE);
    }

    static AccessRule scoped(HttpMethod method, String pattern, Set<Role> roles, Scope scope) {
        return new AccessRule(method, pattern, Access.ROLES, roles, scope);
    }

    /** Whether {@code principal} (empty: nobody signed in) may make a request matched by this rule. */
    boolean allows(Optional<LedgerPrincipal> principal, Optional<String> requestedParticipant) {
        return switch (access) {
            case PUBLIC -> true;
            case SIGNED_IN -> principal.isPresent();
            case ROLES -> principal.map(p -> allowsRoles(p, requestedParticipant)).orElse(false);
        };
    }

    private boolean allowsRoles(LedgerPrincipal principal, Optional<String> requestedParticipant) {
        for (Role role : roles) {
            if (!principal.has(role)) {
                continue;
            }
            if (role != Role.PARTICIPANT) {
                return true;
            }
            if (scope != Scope.NONE && requestedParticipant.isPresent()
                    && requestedParticipant.equals(principal.participantId())) {
                return true;
            }
        }
        return false;
    }

    /** For docs/security.md: "GET /api/x" and who may. */
    String describeAccess() {
        return switch (access) {
            case PUBLIC -> "anyone (no sign-in)";
            case SIGNED_IN -> "any signed-in principal";
            case ROLES -> String.join(", ", roles.stream().sorted().map(Role::name).toList())
                    + (scope == Scope.NONE || !roles.contains(Role.PARTICIPANT) ? "" : scope == Scope.PATH
                    ? " (PARTICIPANT: own participantId only)" : " (PARTICIPANT: ?participantId= own only)");
        };
    }
}
