package nl.taxledger.service.security;

import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what (domain.md §11): sign-in by {@code ledger.security.mode} ({@code local}: users in PostgreSQL,
 * HTTP Basic for API and CLI clients, form login with a session and CSRF protection for browsers; {@code oidc}:
 * JWT bearer tokens of the identity provider at {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}),
 * then every request decided by the one table in {@link AccessRules}; what it does not name is refused.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain ledgerSecurity(HttpSecurity http, SecurityProperties properties) throws Exception {
        boolean local = properties.mode().equals(SecurityProperties.LOCAL);
        AccessRules rules = AccessRules.ledger(local);
        http.authorizeHttpRequests(requests -> requests
                // the request itself was decided before it was dispatched again to stream or to show an error
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                .permitAll()
                .anyRequest()
                .access(rules));
        http.exceptionHandling(errors -> errors.accessDeniedHandler(ProblemResponses.forbidden()));
        http.cors(cors -> cors.disable());
        if (local) {
            http.httpBasic(basic -> basic.realmName("ledger")
                    .authenticationEntryPoint(ProblemResponses.unauthorized("Basic realm=\"ledger\"")));
            // no global entry point: a browser asking for a page is sent to the login form, anything else gets
            // the 401 above (and with an entry point of its own, Spring would not generate the login page)
            http.formLogin(form -> {});
            // A browser's session is open to cross-site requests, so a request in a session needs a CSRF token.
            // An API or CLI client has no session: it sends its credentials (HTTP Basic) with every request, and
            // a foreign page cannot send them with a body it may post (form, text/plain: FrontDoor answers 415).
            http.csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getSession(false) == null));
        } else {
            http.oauth2ResourceServer(
                    server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtPrincipals(properties.oidc())))
                            .authenticationEntryPoint(ProblemResponses.unauthorized("Bearer")));
            http.exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized("Bearer")));
            http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
            http.csrf(csrf -> csrf.disable());
            http.formLogin(form -> form.disable());
            http.httpBasic(basic -> basic.disable());
        }
        return http.build();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<FrontDoor> frontDoor() {
        FilterRegistrationBean<FrontDoor> registration = new FilterRegistrationBean<>(new FrontDoor());
        // after Spring Security (-100): who is asking is settled before the body is looked at
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<ImportGate> importGate(
            @org.springframework.beans.factory.annotation.Value("${ledger.bank.concurrent-imports:2}") int permits) {
        FilterRegistrationBean<ImportGate> registration = new FilterRegistrationBean<>(new ImportGate(permits));
        // after the front door: a body that is too large is refused without taking a permit
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
        return registration;
    }

    @Configuration
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "local", matchIfMissing = true)
    static class Local {
        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        @Bean
        LocalUsers localUsers(JdbcTemplate jdbc, PasswordEncoder encoder, SecurityProperties properties) {
            return new LocalUsers(jdbc, encoder, properties.lockout());
        }

        @Bean
        @ConditionalOnWebApplication
        InitialAdmin initialAdmin(LocalUsers users, SecurityProperties properties, Environment environment) {
            return new InitialAdmin(users, passwordFile(properties, environment));
        }

        /** The explicit property, else beside the embedded PostgreSQL's data directory, else none. */
        static Optional<Path> passwordFile(SecurityProperties properties, Environment environment) {
            if (properties.initialAdminPasswordFile() != null
                    && !properties.initialAdminPasswordFile().isBlank()) {
                return Optional.of(Path.of(properties.initialAdminPasswordFile()));
            }
            return Optional.ofNullable(environment.getProperty("ledger.embedded.secrets-dir"))
                    .map(dir -> Path.of(dir, "initial-admin-password"));
        }

        @Bean
        SignInAttempts signInAttempts(LocalUsers users) {
            return new SignInAttempts(users);
        }
    }
}
