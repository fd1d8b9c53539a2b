package nl.taxledger.ledger.api;

import java.util.ArrayList;
import java.util.List;

/**
 * One receipt movement of domain.md §5 on one assessment line: {@code amountCents} positive for principal allocated
 * to the line, negative for principal taken back off it. The participant, tax type and tax year it counts for are
 * those of the line in its {@link AssessmentImposed}; the receipts of (P, T) are the sum of these movements.
 * This class holds the one definition of "receipt = principal allocated minus principal taken back".
 */
public record PrincipalReceipt(ReceiptKind kind, String assessmentId, String lineId, long amountCents) {

    /** The principal among {@code allocations}, as money onto lines. */
    static List<PrincipalReceipt> allocated(ReceiptKind kind, List<Allocation> allocations) {
        return principal(kind, allocations, 1);
    }

    /** The principal among {@code takenBack}, as money off lines. */
    static List<PrincipalReceipt> takenBack(ReceiptKind kind, List<Allocation> takenBack) {
        return principal(kind, takenBack, -1);
    }

    private static List<PrincipalReceipt> principal(ReceiptKind kind, List<Allocation> allocations, int sign) {
        if (allocations == null) {
            return List.of();
        }
        List<PrincipalReceipt> receipts = new ArrayList<>(allocations.size());
        for (Allocation allocation : allocations) {
            if (allocation.component() == Component.PRINCIPAL) {
                receipts.add(new PrincipalReceipt(kind, allocation.assessmentId(), allocation.itemId(),
                        Math.multiplyExact(sign, allocation.amountCents())));
            }
        }
        return List.copyOf(receipts);
    }
}
