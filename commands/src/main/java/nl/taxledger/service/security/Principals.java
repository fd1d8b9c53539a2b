package nl.taxledger.service.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The current principal, for command handling and controllers: {@code Principals.current()} anywhere on a
 * request's thread (also inside the NDJSON import's streaming task: Spring Security carries the context over).
 * In-process callers that are not requests (the remittance scheduler, the scenario runner) act through
 * {@link #runAs} as a named system principal, so nothing in the ledger is ever done by nobody.
 */
public final class Principals {
    /** Names of system principals start with this; a user name may not contain ':' (HTTP Basic splits on it). */
    public static final String SYSTEM_PREFIX = "system:";
    /** The participant a PARTICIPANT principal is bound to travels as an authority with this prefix. */
    static final String PARTICIPANT_AUTHORITY_PREFIX = "PARTICIPANT_ID:";

    public static final LedgerPrincipal SCHEDULER = system("scheduler", Role.CLERK);
    public static final LedgerPrincipal SCENARIO_RUNNER = system("scenario", Role.CLERK, Role.SUPERVISOR);

    private Principals() {
    }

    /** A system principal {@code system:<name>} with the given roles. */
    public static LedgerPrincipal system(String name, Role... roles) {
        return new LedgerPrincipal(SYSTEM_PREFIX + name, EnumSet.copyOf(List.of(roles)), Optional.empty());
    }

    /** The signed-in (or system) principal of this thread; empty for nobody or an anonymous request. */
    public static Optional<LedgerPrincipal> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The current principal's name, for {@code who}; fails when nobody is signed in (never "anonymous"). */
    public static String currentName() {
        return current().map(LedgerPrincipal::name)
                .orElseThrow(() -> new IllegalStateException("no signed-in principal on this thread"));
    }

    /** Runs {@code work} as {@code principal} on this thread and restores the previous context afterwards. */
    public static <T> T runAs(LedgerPrincipal principal, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal.name(), null, authorities(principal.roles(), principal.participantId())));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static Optional<LedgerPrincipal> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Optional<String> participant = Optional.empty();
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            for (Role role : Role.values()) {
                if (role.authority().equals(authority)) {
                    roles.add(role);
                }
            }
            if (authority != null && authority.startsWith(PARTICIPANT_AUTHORITY_PREFIX)) {
                participant = Optional.of(authority.substring(PARTICIPANT_AUTHORITY_PREFIX.length()));
            }
        }
        if (roles.contains(Role.PARTICIPANT) && participant.isEmpty()) {
            // a participant token without its participant sees nothing rather than everything
            roles.remove(Role.PARTICIPANT);
        }
        return Optional.of(new LedgerPrincipal(authentication.getName(), roles, participant));
    }

    /** Authorities for roles and, for a participant, the participant it is bound to. */
    static List<GrantedAuthority> authorities(Set<Role> roles, Optional<String> participantId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        participantId.ifPresent(id -> authorities.add(new SimpleGrantedAuthority(PARTICIPANT_AUTHORITY_PREFIX + id)));
        return authorities;
    }
}
