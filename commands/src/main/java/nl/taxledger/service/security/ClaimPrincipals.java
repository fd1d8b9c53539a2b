package nl.taxledger.service.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.core.GrantedAuthority;

/**
 * The one mapping of the identity provider's claims to a principal, for both sides of the oidc mode: a bearer token
 * of the API ({@link JwtPrincipals}) and a sign-in of the web view ({@link OidcPrincipals}). Roles come from a claim
 * (default {@code roles}: a list or a space/comma separated string of CLERK, SUPERVISOR, ACCOUNTANT, PARTICIPANT;
 * values the ledger does not know are ignored), the participant from another (default {@code participant_id}), the
 * name from a third (default {@code sub}). Someone the claims give no usable role is refused, not let in with none.
 */
final class ClaimPrincipals {
    /** A principal the claims do not make: no name, a {@code system:} name, or no role the ledger knows. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The principal the claims make: its name (for {@code who}) and its authorities. */
    record Mapped(String name, List<GrantedAuthority> authorities) {}

    private ClaimPrincipals() {}

    /** {@code claim}: a claim's value by name, null when absent; {@code subject}: the {@code sub} claim. */
    static Mapped map(SecurityProperties.Oidc claims, Function<String, Object> claim, String subject) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claim.apply(claims.rolesClaim()))) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(value.strip())) {
                    roles.add(role);
                }
            }
        }
        Optional<String> participant = Optional.ofNullable(claim.apply(claims.participantClaim()))
                .map(String::valueOf)
                .filter(id -> !id.isBlank());
        String name = Optional.ofNullable(claim.apply(claims.nameClaim()))
                .map(String::valueOf)
                .orElse(subject);
        if (name == null || name.isBlank() || name.startsWith(Principals.SYSTEM_PREFIX)) {
            // system:… names belong to the service's own callers; a token may not pass for one in the audit trail
            throw new Refused("the identity provider names no principal, or a system: one");
        }
        if (roles.contains(Role.PARTICIPANT) && participant.isEmpty()) {
            // a participant without its participant would see nothing, or worse: refused outright
            throw new Refused(name + " has role PARTICIPANT but no " + claims.participantClaim() + " claim");
        }
        if (roles.isEmpty()) {
            throw new Refused(name + " has no role the ledger knows in claim " + claims.rolesClaim() + " ("
                    + claim.apply(claims.rolesClaim()) + ")");
        }
        return new Mapped(name, Principals.authorities(roles, participant));
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text) {
            return List.of(text.split("[ ,]+"));
        }
        return List.of();
    }
}
