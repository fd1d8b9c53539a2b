package nl.taxledger.service.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is acting: a signed-in person (local user or identity-provider token) or a named system principal
 * ({@code system:scheduler}, {@code system:scenario}). {@code name} is what {@code who} on every fact says.
 *
 * @param participantId only for {@link Role#PARTICIPANT}: the one participant it may see
 */
public record LedgerPrincipal(String name, Set<Role> roles, Optional<String> participantId) {
    public LedgerPrincipal {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a principal has a name");
        }
        roles = Set.copyOf(roles);
        if (roles.contains(Role.PARTICIPANT) && participantId.isEmpty()) {
            throw new IllegalArgumentException("a PARTICIPANT principal is bound to a participantId: " + name);
        }
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isSystem() {
        return name.startsWith(Principals.SYSTEM_PREFIX);
    }
}
