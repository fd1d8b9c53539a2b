package nl.taxledger.ledger.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Oninbaar verklaard: open principal of a line written off, with a mandatory reason code. */
@Revision("1")
public record WrittenOffAsUncollectible(String debtorId, String assessmentId, String lineId, long amountCents,
                                        LocalDate decisionDate, String reasonCode,
                                        LocalDate bookingDate) implements LedgerFact {

    @Override
    public LocalDate effectiveDate() {
        return decisionDate;
    }

    @Override
    public Optional<String> debtor() {
        return Optional.of(debtorId);
    }

    @Override
    public List<PrincipalReceipt> principalReceipts() {
        return List.of();
    }
}
