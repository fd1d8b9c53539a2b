package nl.taxledger.service.security;

import java.util.Map;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The web view's sign-in with the identity provider (OpenID Connect): the ID token (and user info, when the provider
 * has an endpoint for it) become a principal by the same claims mapping as a bearer token of the API
 * ({@link ClaimPrincipals}). A person it refuses goes back to the sign-in page with the reason, signed in as nobody.
 */
final class OidcPrincipals implements OAuth2UserService<OidcUserRequest, OidcUser> {
    /** The error code of a refused sign-in; the sign-in page shows its own text for it. */
    static final String REFUSED = "access_denied";

    private final SecurityProperties.Oidc claims;
    private final OidcUserService provider = new OidcUserService();

    OidcPrincipals(SecurityProperties.Oidc claims) {
        this.claims = claims;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Map<String, Object> claimed = user.getClaims();
        try {
            ClaimPrincipals.Mapped principal = ClaimPrincipals.map(claims, claimed::get, user.getSubject());
            // the principal's name is the value of this claim: the name claim when given, else the subject
            String nameClaim = claimed.get(claims.nameClaim()) != null ? claims.nameClaim() : IdTokenClaimNames.SUB;
            return new DefaultOidcUser(principal.authorities(), user.getIdToken(), user.getUserInfo(), nameClaim);
        } catch (ClaimPrincipals.Refused refused) {
            throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, refused.getMessage(), null));
        }
    }
}
