package nl.taxledger.service.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/** Counts failed sign-ins of local users; enough in a row lock the account (see {@link LocalUsers#signInFailed}). */
final class SignInAttempts {
    private final LocalUsers users;

    SignInAttempts(LocalUsers users) {
        this.users = users;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        users.signInFailed(event.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.signInSucceeded(event.getAuthentication().getName());
    }
}
