package nl.taxledger.ledger.account;

import java.util.ArrayList;
import java.util.List;
import nl.taxledger.ledger.api.Component;

/** A read-only copy of an account's open amounts, to compare read models with the aggregate. */
public record AccountSnapshot(String debtorId, long creditCents, List<OpenClaim> claims) {

    /** The open amount of one item of one assessment. */
    public record OpenClaim(String assessmentId, Component component, String itemId, long openCents) {
    }

    static AccountSnapshot of(String debtorId, AccountState state) {
        List<OpenClaim> claims = new ArrayList<>();
        for (Assessment assessment : state.assessments().values()) {
            for (ClaimItem item : assessment.allItems()) {
                claims.add(new OpenClaim(item.assessmentId, item.component, item.itemId, item.openCents()));
            }
        }
        return new AccountSnapshot(debtorId, state.credit.balanceCents(), List.copyOf(claims));
    }

    public long openCents(String assessmentId, Component component) {
        long total = 0;
        for (OpenClaim claim : claims) {
            if (claim.assessmentId().equals(assessmentId) && claim.component() == component) {
                total += claim.openCents();
            }
        }
        return total;
    }
}
