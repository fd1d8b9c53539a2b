package nl.taxledger.service.commandapi;

import static nl.taxledger.service.commandapi.Fields.oneOf;
import static nl.taxledger.service.commandapi.Fields.required;

import java.time.LocalDate;
import nl.taxledger.ledger.api.BankAccountPurpose;
import nl.taxledger.ledger.api.CollectionRef;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.HoldUnmatchedPayment;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.ledger.api.MatchedBy;
import nl.taxledger.ledger.api.PaymentChannel;
import nl.taxledger.ledger.api.PayoutKind;
import nl.taxledger.ledger.api.ReceivePayment;
import nl.taxledger.ledger.api.RecordBankStatement;
import nl.taxledger.ledger.api.RecordPayoutExecuted;
import nl.taxledger.ledger.api.RegisterBankAccount;
import nl.taxledger.service.lookup.Directory;

/**
 * The command shapes of the bank side (domain.md §9). {@code RegisterBankAccount} is a client command, listed in the
 * {@link CommandCatalogue}. The others are internal: what a statement import sends through the same
 * {@link CommandService} path, one per statement and one per credit transaction, with a commandId derived from the
 * statement or transaction so that a re-import is idempotent (and one per debit that executed our payout). They are not in the catalogue (so not on
 * {@code POST /api/commands/...} nor the NDJSON import): a client could otherwise book a "statement" that was never
 * schema-checked and balanced as a whole file, or claim a matching rule the importer did not decide.
 */
public final class BankRequests {
    private BankRequests() {}

    public record RegisterBankAccountRequest(
            String commandId, String iban, String purpose, String name, String bookingDate) implements LedgerRequest {
        @Override
        public Routed validate(LocalDate booked) {
            String validIban = Fields.iban("iban", iban);
            BankAccountPurpose validPurpose = oneOf("purpose", BankAccountPurpose.class, purpose);
            return directory -> {
                if (directory.bankAccountExists(validIban)) {
                    throw new LedgerRejection(
                            ErrorCode.DUPLICATE_BANK_ACCOUNT, "bank account " + validIban + " is already registered");
                }
                return new RegisterBankAccount(validIban, validPurpose, name, booked);
            };
        }
    }

    /** A statement's balances, recorded (and sequence-checked by the account) before its transactions are booked. */
    public record RecordBankStatementRequest(
            String commandId,
            String iban,
            String statementId,
            String statementDate,
            Long electronicSequence,
            long openingCents,
            long closingCents,
            String gapReason,
            String bookingDate)
            implements LedgerRequest {
        @Override
        public Routed validate(LocalDate booked) {
            String id = required("statementId", statementId);
            LocalDate date = Fields.date("statementDate", statementDate);
            return directory -> {
                if (!directory.bankAccountExists(iban)) {
                    throw new LedgerRejection(ErrorCode.UNKNOWN_BANK_ACCOUNT, "no bank account " + iban);
                }
                return new RecordBankStatement(
                        iban, id, date, electronicSequence, openingCents, closingCents, gapReason, booked);
            };
        }
    }

    /**
     * One credit transaction of a statement, matched already ({@code matchedBy}; {@code debtorId} null for
     * suspense). {@code counterpartyRef} points into the erasable register, where the import put the counterparty's
     * IBAN and name.
     */
    public record BookBankTransactionRequest(
            String commandId,
            String paymentId,
            long amountCents,
            String valueDate,
            String matchedBy,
            String debtorId,
            String assessmentId,
            String reference,
            String counterpartyRef,
            String bookingDate)
            implements LedgerRequest {
        @Override
        public Routed validate(LocalDate booked) {
            String id = required("paymentId", paymentId);
            if (amountCents <= 0) {
                throw Fields.invalid("amountCents", "amount must be positive: " + amountCents);
            }
            LocalDate value = Fields.date("valueDate", valueDate);
            MatchedBy rule = oneOf("matchedBy", MatchedBy.class, matchedBy);
            if ((rule == MatchedBy.SUSPENSE) != (debtorId == null)) {
                throw Fields.invalid("debtorId", "a payment to suspense has no debtor, any other has one: " + rule);
            }
            // money from a statement comes by transfer; only our own collections (rule 1) are DIRECT_DEBIT
            PaymentChannel channel =
                    rule == MatchedBy.DIRECT_DEBIT ? PaymentChannel.DIRECT_DEBIT : PaymentChannel.TRANSFER;
            return directory -> route(directory, id, value, rule, channel, booked);
        }

        private Object route(
                Directory d, String id, LocalDate value, MatchedBy rule, PaymentChannel channel, LocalDate booked) {
            if (d.payment(id).isPresent()) {
                throw new LedgerRejection(ErrorCode.DUPLICATE_PAYMENT, "payment " + id + " is already booked");
            }
            if (rule == MatchedBy.SUSPENSE) {
                return new HoldUnmatchedPayment(
                        id, amountCents, value, reference, channel, counterpartyRef, booked, rule);
            }
            // rule 1 names our collection by its EndToEndId (the reference): three strikes counts its mandate and
            // collection date, not the value date (§10)
            CollectionRef collection = rule == MatchedBy.DIRECT_DEBIT
                    ? d.runCollection(reference)
                            .map(Directory.RunCollection::ref)
                            .orElse(null)
                    : null;
            return new ReceivePayment(
                    Routes.knownDebtor(d, debtorId),
                    id,
                    amountCents,
                    value,
                    assessmentId,
                    reference,
                    channel,
                    counterpartyRef,
                    booked,
                    rule,
                    collection);
        }
    }

    /**
     * A booked debit of a statement carries the EndToEndId of one of our released payouts: the import records it
     * executed on the statement's account, once per transaction key.
     */
    public record RecordPayoutExecutedRequest(
            String commandId,
            String iban,
            String endToEndId,
            String kind,
            String paymentId,
            String statementId,
            long amountCents,
            String valueDate,
            String bookingDate)
            implements LedgerRequest {
        @Override
        public Routed validate(LocalDate booked) {
            String id = required("paymentId", paymentId);
            String payout = required("endToEndId", endToEndId);
            PayoutKind payoutKind = oneOf("kind", PayoutKind.class, kind);
            if (amountCents <= 0) {
                throw Fields.invalid("amountCents", "amount must be positive: " + amountCents);
            }
            LocalDate value = Fields.date("valueDate", valueDate);
            return directory -> {
                if (!directory.bankAccountExists(iban)) {
                    throw new LedgerRejection(ErrorCode.UNKNOWN_BANK_ACCOUNT, "no bank account " + iban);
                }
                return new RecordPayoutExecuted(iban, payout, payoutKind, id, statementId, amountCents, value, booked);
            };
        }
    }
}
