package nl.taxledger.service.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The web view's own filter chain, before the API's: a session, CSRF on every state-changing request (no exception:
 * a page always has a session), the same table of {@link AccessRules}. Sign-in by the form of local users
 * ({@code local} mode) and by OpenID Connect with every identity provider registered under
 * {@code spring.security.oauth2.client.registration.<id>} (in either mode; its claims mapped as the API maps a
 * bearer token's, {@link ClaimPrincipals}). A signed-in user who may not see a page gets the 403 page (the error
 * page of the service), someone not signed in goes to the sign-in page. The API chain keeps HTTP Basic or bearer
 * tokens and its problem+json answers.
 */
@Configuration
class WebSignIn {

    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain webPages(
            HttpSecurity http,
            SecurityProperties properties,
            ObjectProvider<ClientRegistrationRepository> identityProviders)
            throws Exception {
        boolean local = properties.mode().equals(SecurityProperties.LOCAL);
        AccessRules rules = AccessRules.ledger(local);
        http.securityMatcher(WebPages.PAGES);
        http.authorizeHttpRequests(
                requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .access(rules));
        if (local) {
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false));
        }
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureUrl("/login?error=oidc")
                    .userInfoEndpoint(user -> user.oidcUserService(new OidcPrincipals(properties.oidc()))));
        }
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?afgemeld"));
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                .accessDeniedHandler(
                        (request, response, denied) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)));
        http.httpBasic(basic -> basic.disable());
        http.cors(cors -> cors.disable());
        return http.build();
    }
}
