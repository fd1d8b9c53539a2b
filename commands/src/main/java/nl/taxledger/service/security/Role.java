package nl.taxledger.service.security;

import java.util.EnumSet;
import java.util.Set;

/** The roles of domain.md §11. A principal's authorities carry them as {@code ROLE_<name>}. */
public enum Role {
    /** financiële administratie / invordering: bookings, imports, runs prepared; reads everything */
    CLERK,
    /** invorderingsambtenaar, teamleider: a clerk's rights plus write-off, period close, participants, approvals */
    SUPERVISOR,
    /** read-only: reports, as-of, audit trail, downloads; no command */
    ACCOUNTANT,
    /** bound to one participantId: its own remittances, statements, position, cells, weekly rows */
    PARTICIPANT;

    /** The collector's own staff: may read every ledger figure, debtors included. */
    public static final Set<Role> STAFF = EnumSet.of(CLERK, SUPERVISOR, ACCOUNTANT);

    public String authority() {
        return "ROLE_" + name();
    }
}
