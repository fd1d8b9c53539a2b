package nl.taxledger.service.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The oidc mode: a bearer token of the cooperation's identity provider becomes a principal. Roles come from a
 * claim (default {@code roles}: a list or a space/comma separated string of CLERK, SUPERVISOR, ACCOUNTANT,
 * PARTICIPANT; unknown values are ignored), the participant from another (default {@code participant_id}).
 */
final class JwtPrincipals implements Converter<Jwt, AbstractAuthenticationToken> {
    private final SecurityProperties.Oidc claims;

    JwtPrincipals(SecurityProperties.Oidc claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(jwt.getClaim(claims.rolesClaim()))) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(value.strip())) {
                    roles.add(role);
                }
            }
        }
        Optional<String> participant = Optional.ofNullable(jwt.getClaimAsString(claims.participantClaim()))
                .filter(id -> !id.isBlank());
        String name = Optional.ofNullable(jwt.getClaimAsString(claims.nameClaim())).orElse(jwt.getSubject());
        if (name == null || name.startsWith(Principals.SYSTEM_PREFIX)) {
            // system:… names belong to the service's own callers; a token may not pass for one in the audit trail
            throw new InvalidBearerTokenException("the token names no principal, or a system: one");
        }
        return new JwtAuthenticationToken(jwt, Principals.authorities(roles, participant), name);
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
