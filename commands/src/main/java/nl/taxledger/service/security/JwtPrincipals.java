package nl.taxledger.service.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The oidc mode's API side: a bearer token of the cooperation's identity provider becomes a principal by the claims
 * mapping of {@link ClaimPrincipals}; a token it refuses is answered 401.
 */
final class JwtPrincipals implements Converter<Jwt, AbstractAuthenticationToken> {
    private final SecurityProperties.Oidc claims;

    JwtPrincipals(SecurityProperties.Oidc claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        try {
            ClaimPrincipals.Mapped principal = ClaimPrincipals.map(claims, jwt::getClaim, jwt.getSubject());
            return new JwtAuthenticationToken(jwt, principal.authorities(), principal.name());
        } catch (ClaimPrincipals.Refused refused) {
            throw new InvalidBearerTokenException(refused.getMessage());
        }
    }
}
