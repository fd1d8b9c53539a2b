package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A debit on a statement of one of the collector's accounts ({@code iban}) carries the {@code EndToEndId} of one of
 * our released payouts (domain.md §9, "Debit transactions"): the bank executed it. {@code paymentId} is the statement
 * transaction's id (§9's payment id rule), {@code amountCents} what the bank debited. No money of its own: the
 * payout left the ledger's bank account when it was booked ({@code RemittanceIssued}, {@code RefundPaid}); this fact
 * is what the bank reconciliation pairs with it.
 */
@Revision("1")
public record PayoutExecuted(
        String iban,
        String endToEndId,
        PayoutKind kind,
        String paymentId,
        String statementId,
        long amountCents,
        LocalDate valueDate,
        LocalDate bookingDate)
        implements LedgerFact, OfNoDebtor, NoPrincipalReceipts, EffectiveOnValueDate {}
