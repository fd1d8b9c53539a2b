package nl.taxledger.service.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The web view's own filter chain, before the API's: form sign-in of local users with a session, CSRF on every
 * state-changing request (no exception: a page always has a session), the same table of {@link AccessRules}.
 * A signed-in user who may not see a page gets the 403 page (the error page of the service), someone not signed
 * in goes to the sign-in form. The API chain keeps HTTP Basic and its problem+json answers.
 */
@Configuration
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "local", matchIfMissing = true)
class WebSignIn {

    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain webPages(HttpSecurity http) throws Exception {
        AccessRules rules = AccessRules.ledger(true);
        http.securityMatcher(WebPages.PAGES);
        http.authorizeHttpRequests(
                requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .access(rules));
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false));
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?afgemeld"));
        http.exceptionHandling(errors -> errors.accessDeniedHandler(
                (request, response, denied) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)));
        http.httpBasic(basic -> basic.disable());
        http.cors(cors -> cors.disable());
        return http.build();
    }
}
