package nl.taxledger.service.security;

import java.util.EnumSet;
import java.util.Set;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which roles may send which command (domain.md §11): a clerk every booking command, bank-file import, suspense
 * assignment and runs; the commands below only a supervisor. Checked on the one command path (REST, each NDJSON
 * line, in-process callers) and turned into URL rules by {@link AccessRules}, so both say the same.
 */
public final class CommandPermissions {
    /** Write-off, period close, participants and their IBANs and policies, approving payouts (four eyes). */
    static final Set<String> SUPERVISOR_ONLY = Set.of(
            "RegisterParticipant", "ChangeRemittancePolicy", "ClosePeriod", "WriteOffUncollectible",
            "ReinstateUncollectible", "ApproveRemittanceRun", "ApproveRefunds", "RequestParticipantIbanChange",
            "ApproveParticipantIbanChange");
    static final Set<Role> BOOKING_ROLES = EnumSet.of(Role.CLERK, Role.SUPERVISOR);
    static final Set<Role> SUPERVISOR = EnumSet.of(Role.SUPERVISOR);

    private CommandPermissions() {
    }

    /** The roles that may send {@code type}. */
    public static Set<Role> rolesFor(String type) {
        return SUPERVISOR_ONLY.contains(type) ? SUPERVISOR : BOOKING_ROLES;
    }

    /**
     * Refuses with {@code FORBIDDEN} unless the current principal may send a {@code type} command. A thread with
     * no authentication at all is in-process code, not a request (the scheduler, the scenario runner, the bench's
     * driver; they name themselves {@code system:…} in the Actor): every HTTP request carries at least Spring
     * Security's anonymous authentication, which is refused here.
     */
    public static void requireMayRun(String type) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return;
        }
        LedgerPrincipal principal = Principals.of(authentication).orElseThrow(
                () -> new LedgerRejection(ErrorCode.FORBIDDEN, "no signed-in principal may send " + type));
        if (rolesFor(type).stream().noneMatch(principal::has)) {
            throw new LedgerRejection(ErrorCode.FORBIDDEN, principal.name() + " may not send " + type
                    + " (needs one of " + rolesFor(type) + ")");
        }
    }
}
