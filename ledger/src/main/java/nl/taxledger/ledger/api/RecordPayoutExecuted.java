package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that the statement transaction {@code paymentId} of account {@code iban} executed our payout
 * {@code endToEndId}. Sent by the statement import only, once per transaction key.
 */
public record RecordPayoutExecuted(
        @TargetAggregateIdentifier String iban,
        String endToEndId,
        PayoutKind kind,
        String paymentId,
        String statementId,
        long amountCents,
        LocalDate valueDate,
        LocalDate bookingDate) {}
