package nl.taxledger.service.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * How a person can sign in to the web view, for the sign-in page: the form of local users ({@code local} mode) and
 * each identity provider registered under {@code spring.security.oauth2.client.registration.<id>} ("Inloggen via
 * <client-name>"); and how the current person did, for the who-am-I page.
 */
@Component
public class SignInMethods {
    /** An identity provider's sign-in: the link {@code /oauth2/authorization/<id>} and the name to show. */
    public record Provider(String registrationId, String name) {
        public String link() {
            return "/oauth2/authorization/" + registrationId;
        }
    }

    private final boolean localUsers;
    private final List<Provider> providers;

    SignInMethods(SecurityProperties properties, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.localUsers = properties.mode().equals(SecurityProperties.LOCAL);
        this.providers = providers(registrations.getIfAvailable());
    }

    private static List<Provider> providers(ClientRegistrationRepository registrations) {
        List<Provider> providers = new ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(new Provider(client.getRegistrationId(), client.getClientName()));
            }
        }
        return List.copyOf(providers);
    }

    /** The sign-in form of local users is there (the {@code local} mode). */
    public boolean localUsers() {
        return localUsers;
    }

    public List<Provider> providers() {
        return providers;
    }

    /** How the current person signed in: "lokale gebruiker", the provider's name, or a bearer token. */
    public Optional<String> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (Principals.of(authentication).isEmpty()) {
            return Optional.empty();
        }
        if (authentication instanceof OAuth2AuthenticationToken oidc) {
            String id = oidc.getAuthorizedClientRegistrationId();
            return Optional.of(providers.stream()
                    .filter(p -> p.registrationId().equals(id))
                    .map(p -> "OpenID Connect: " + p.name() + " (" + id + ")")
                    .findFirst()
                    .orElse("OpenID Connect: " + id));
        }
        if (authentication instanceof JwtAuthenticationToken) {
            return Optional.of("OpenID Connect: bearer-token");
        }
        return Optional.of("lokale gebruiker");
    }
}
