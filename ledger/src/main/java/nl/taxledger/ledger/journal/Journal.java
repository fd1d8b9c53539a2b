package nl.taxledger.ledger.journal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.AssessmentReduced;
import nl.taxledger.ledger.api.BankAccountRegistered;
import nl.taxledger.ledger.api.BankStatementRecorded;
import nl.taxledger.ledger.api.ClaimAmount;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.CostsCancelled;
import nl.taxledger.ledger.api.CostsCharged;
import nl.taxledger.ledger.api.CreditOffset;
import nl.taxledger.ledger.api.DeferralEnded;
import nl.taxledger.ledger.api.DeferralGranted;
import nl.taxledger.ledger.api.DirectDebitCollectionFailed;
import nl.taxledger.ledger.api.DirectDebitDebtFellDue;
import nl.taxledger.ledger.api.DirectDebitMandateEnded;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.InterestCancelled;
import nl.taxledger.ledger.api.InterestCharged;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.LineSpec;
import nl.taxledger.ledger.api.ParticipantIbanChangeRequested;
import nl.taxledger.ledger.api.ParticipantIbanChanged;
import nl.taxledger.ledger.api.ParticipantRegistered;
import nl.taxledger.ledger.api.PaymentArrangementAgreed;
import nl.taxledger.ledger.api.PaymentArrangementEnded;
import nl.taxledger.ledger.api.PaymentArrangementTermMissed;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentReversed;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.PayoutExecuted;
import nl.taxledger.ledger.api.PeriodClosed;
import nl.taxledger.ledger.api.PrincipalReceipt;
import nl.taxledger.ledger.api.RefundPaid;
import nl.taxledger.ledger.api.RefundsReleased;
import nl.taxledger.ledger.api.RemissionGranted;
import nl.taxledger.ledger.api.RemittanceIssued;
import nl.taxledger.ledger.api.RemittancePolicyChanged;
import nl.taxledger.ledger.api.RemittanceRunApproved;
import nl.taxledger.ledger.api.UncollectibleReinstated;
import nl.taxledger.ledger.api.UnmatchedPaymentAssigned;
import nl.taxledger.ledger.api.UnmatchedPaymentReversed;
import nl.taxledger.ledger.api.WrittenOffAsUncollectible;

/**
 * Maps every fact to balanced journal lines over the chart in {@link Account}. It only books
 * the amounts the events carry (the allocation is stored in the events), never re-runs a rule.
 * Facts must be posted in global order: a line's participant, tax type and year come from its
 * AssessmentImposed, which precedes every fact about the line. An entry's dates are the fact's own
 * ({@link LedgerFact#effectiveDate()}, {@link LedgerFact#bookingDate()}), and what it received or took back
 * for a participant is the fact's {@link LedgerFact#principalReceipts()}.
 * <p>
 * A fact type this class does not book is refused, unless it is listed as non-financial: a new
 * financial fact that silently books nothing would make every report wrong.
 */
public final class Journal {
    /** Facts without money: they book no lines, but still have dates. */
    private static final Set<Class<? extends LedgerFact>> NON_FINANCIAL = Set.of(
            ParticipantRegistered.class,
            RemittancePolicyChanged.class,
            DeferralGranted.class,
            DeferralEnded.class,
            PaymentArrangementAgreed.class,
            PaymentArrangementEnded.class,
            PaymentArrangementTermMissed.class,
            DirectDebitMandateRegistered.class,
            DirectDebitCollectionFailed.class,
            DirectDebitMandateEnded.class,
            UnmatchedPaymentAssigned.class,
            // a run only says what is to be collected: the bank's credit of a collection is the payment
            nl.taxledger.ledger.api.DirectDebitRunIssued.class,
            DirectDebitDebtFellDue.class,
            PeriodClosed.class,
            ParticipantIbanChangeRequested.class,
            ParticipantIbanChanged.class,
            RemittanceRunApproved.class,
            RefundsReleased.class,
            // the collector's own accounts and their statements: the money is in the payments they lead to
            BankAccountRegistered.class,
            BankStatementRecorded.class,
            // a payout executed: the money left the bank account when the payout was booked
            PayoutExecuted.class);

    /** assessmentId|lineId → the line as imposed. */
    private final Map<String, LineSpec> lines = new HashMap<>();

    /**
     * Books one fact: its own lines, then its principal receipts. Throws IllegalStateException for a fact type that
     * is neither booked here nor listed as non-financial.
     */
    public JournalEntry post(LedgerFact event) {
        Builder b = lines(event);
        event.principalReceipts().forEach(b::received);
        return b.build();
    }

    private Builder lines(LedgerFact event) {
        if (event instanceof AssessmentImposed e) {
            return imposed(e);
        } else if (event instanceof AssessmentReduced e) {
            return reduced(e);
        } else if (event instanceof CostsCharged e) {
            return entry(e).debtor(
                            Account.COSTS_RECEIVABLE,
                            e.amountCents(),
                            e.debtorId(),
                            e.assessmentId(),
                            Component.COSTS,
                            e.costId())
                    .plain(Account.COST_INCOME, "", -e.amountCents());
        } else if (event instanceof InterestCharged e) {
            return entry(e).debtor(
                            Account.INTEREST_RECEIVABLE,
                            e.amountCents(),
                            e.debtorId(),
                            e.assessmentId(),
                            Component.INTEREST,
                            e.interestId())
                    .plain(Account.INTEREST_INCOME, "", -e.amountCents());
        } else if (event instanceof CostsCancelled e) {
            return cancelled(
                    e,
                    e.debtorId(),
                    e.assessmentId(),
                    Component.COSTS,
                    e.costId(),
                    e.openCancelledCents(),
                    e.takenBack());
        } else if (event instanceof InterestCancelled e) {
            return cancelled(
                    e,
                    e.debtorId(),
                    e.assessmentId(),
                    Component.INTEREST,
                    e.interestId(),
                    e.openCancelledCents(),
                    e.takenBack());
        } else if (event instanceof PaymentReceived e) {
            return received(e);
        } else if (event instanceof PaymentReversed e) {
            return reversed(e);
        } else if (event instanceof CreditOffset e) {
            Builder b = entry(e).debtor(Account.DEBTOR_CREDIT, e.amountCents(), e.debtorId(), null, null, null);
            e.allocations().forEach(a -> b.allocation(e.debtorId(), a, 1));
            return b;
        } else if (event instanceof RefundPaid e) {
            return entry(e).debtor(Account.DEBTOR_CREDIT, e.amountCents(), e.debtorId(), null, null, null)
                    .plain(Account.BANK, "", -e.amountCents());
        } else if (event instanceof PaymentUnmatched e) {
            return entry(e).plain(Account.BANK, "", e.amountCents()).plain(Account.SUSPENSE, "", -e.amountCents());
        } else if (event instanceof UnmatchedPaymentReversed e) {
            return entry(e).plain(Account.SUSPENSE, "", e.amountCents()).plain(Account.BANK, "", -e.amountCents());
        } else if (event instanceof RemissionGranted e) {
            return remitted(e);
        } else if (event instanceof WrittenOffAsUncollectible e) {
            return writeOff(e, e.debtorId(), e.assessmentId(), e.lineId(), e.amountCents());
        } else if (event instanceof RemittanceIssued e) {
            return remittance(e);
        } else if (event instanceof UncollectibleReinstated e) {
            return writeOff(e, e.debtorId(), e.assessmentId(), e.lineId(), -e.amountCents());
        }
        return nonFinancial(event);
    }

    /** The cell participant|taxType|taxYear of a line of an imposed assessment. */
    public String cellOf(String assessmentId, String lineId) {
        return cell(line(assessmentId, lineId));
    }

    public static String cell(LineSpec line) {
        return line.participantId() + "|" + line.taxType() + "|" + line.taxYear();
    }

    private LineSpec line(String assessmentId, String lineId) {
        LineSpec line = lines.get(assessmentId + "|" + lineId);
        if (line == null) {
            throw new IllegalStateException("journal: line " + assessmentId + "/" + lineId + " was never imposed");
        }
        return line;
    }

    private Builder imposed(AssessmentImposed e) {
        Builder b = entry(e);
        for (LineSpec line : e.lines()) {
            if (lines.putIfAbsent(e.assessmentId() + "|" + line.lineId(), line) != null) {
                throw new IllegalStateException(
                        "journal: line " + e.assessmentId() + "/" + line.lineId() + " imposed twice");
            }
            b.debtor(
                    Account.RECEIVABLE,
                    line.amountCents(),
                    e.debtorId(),
                    e.assessmentId(),
                    Component.PRINCIPAL,
                    line.lineId());
            b.principal(Account.IMPOSED, -line.amountCents(), e.assessmentId(), line.lineId());
        }
        return b;
    }

    /**
     * The whole reduction counts under its kind; the open part leaves the receivable, the paid part becomes credit
     * (and leaves what was received: the fact's principal receipts).
     */
    private Builder reduced(AssessmentReduced e) {
        Account kind =
                switch (e.kind()) {
                    case VERMINDERING -> Account.REDUCTIONS;
                    case ONTHEFFING -> Account.EXEMPTIONS;
                    case VERNIETIGING -> Account.ANNULMENTS;
                };
        LineSpec line = line(e.assessmentId(), e.lineId());
        Builder b = entry(e).principal(kind, e.amountCents(), e.assessmentId(), line.lineId())
                .debtor(
                        Account.RECEIVABLE,
                        -e.openReducedCents(),
                        e.debtorId(),
                        e.assessmentId(),
                        Component.PRINCIPAL,
                        e.lineId());
        for (Allocation a : e.takenBack()) {
            b.debtor(Account.DEBTOR_CREDIT, -a.amountCents(), e.debtorId(), null, null, null);
        }
        return b;
    }

    private Builder cancelled(
            LedgerFact fact,
            String debtorId,
            String assessmentId,
            Component component,
            String itemId,
            long openCancelledCents,
            List<Allocation> takenBack) {
        Account income = component == Component.COSTS ? Account.COST_INCOME : Account.INTEREST_INCOME;
        Account receivable = component == Component.COSTS ? Account.COSTS_RECEIVABLE : Account.INTEREST_RECEIVABLE;
        long takenBackCents =
                takenBack.stream().mapToLong(Allocation::amountCents).sum();
        return entry(fact)
                .plain(income, "", openCancelledCents + takenBackCents)
                .debtor(receivable, -openCancelledCents, debtorId, assessmentId, component, itemId)
                .debtor(Account.DEBTOR_CREDIT, -takenBackCents, debtorId, null, null, null);
    }

    /** Money in: from the bank, or out of suspense when it was held there first. */
    private Builder received(PaymentReceived e) {
        Builder b = entry(e).plain(e.fromSuspense() ? Account.SUSPENSE : Account.BANK, "", e.amountCents())
                .debtor(
                        Account.DEBTOR_CREDIT,
                        -(e.negativeCreditSettledCents() + e.creditCents()),
                        e.debtorId(),
                        null,
                        null,
                        null);
        e.allocations().forEach(a -> b.allocation(e.debtorId(), a, 1));
        return b;
    }

    private Builder reversed(PaymentReversed e) {
        long creditTakenCents = e.ownCreditTakenCents()
                + e.negativeCreditAddedCents()
                + e.otherCreditTaken().stream().mapToLong(p -> p.amountCents()).sum();
        Builder b = entry(e).plain(Account.BANK, "", -e.amountCents())
                .debtor(Account.DEBTOR_CREDIT, creditTakenCents, e.debtorId(), null, null, null);
        e.takenBack().forEach(a -> b.allocation(e.debtorId(), a, -1));
        return b;
    }

    private Builder remitted(RemissionGranted e) {
        Builder b = entry(e);
        for (ClaimAmount item : e.items()) {
            Account receivable =
                    switch (item.component()) {
                        case COSTS -> Account.COSTS_RECEIVABLE;
                        case INTEREST -> Account.INTEREST_RECEIVABLE;
                        case PRINCIPAL -> Account.RECEIVABLE;
                    };
            if (item.component() == Component.PRINCIPAL) {
                b.principal(Account.REMISSION, item.amountCents(), e.assessmentId(), item.itemId());
            } else {
                b.plain(Account.REMISSION_COSTS_INTEREST, "", item.amountCents());
            }
            b.debtor(receivable, -item.amountCents(), e.debtorId(), e.assessmentId(), item.component(), item.itemId());
        }
        return b;
    }

    /**
     * A remittance pays {@code amount} from the bank, moves the reserve movement between what is payable and the
     * reserve, and takes the covered receipts off what is payable. A shortfall carried forward stays on the
     * payable account as a debit (the participant owes it) until a later remittance carries it in.
     * The entry balances only if receipts − withheld + released − carriedForwardIn = amount − carriedForwardOut.
     */
    private Builder remittance(RemittanceIssued e) {
        long payableCents = e.receiptsCents() - e.carriedForwardInCents() + e.carriedForwardOutCents();
        return entry(e).plain(Account.PAYABLE, e.participantId(), payableCents)
                .plain(Account.RESERVE, e.participantId(), -(e.reserveWithheldCents() - e.reserveReleasedCents()))
                .plain(Account.BANK, "", -e.amountCents());
    }

    private Builder writeOff(LedgerFact fact, String debtorId, String assessmentId, String lineId, long cents) {
        return entry(fact)
                .principal(Account.WRITE_OFF, cents, assessmentId, lineId)
                .debtor(Account.RECEIVABLE, -cents, debtorId, assessmentId, Component.PRINCIPAL, lineId);
    }

    private Builder nonFinancial(LedgerFact event) {
        if (!NON_FINANCIAL.contains(event.getClass())) {
            throw new IllegalStateException(
                    "journal: no mapping for fact type " + event.getClass().getName());
        }
        return entry(event);
    }

    /** An entry named after the fact's type, on the fact's own effective and booking date. */
    private Builder entry(LedgerFact fact) {
        return new Builder(fact.getClass().getSimpleName(), fact.effectiveDate(), fact.bookingDate());
    }

    /** Collects the lines of one entry; build() checks that they balance. */
    private final class Builder {
        private final String type;
        private final LocalDate effectiveDate;
        private final LocalDate bookingDate;
        private final List<JournalLine> out = new ArrayList<>();

        Builder(String type, LocalDate effectiveDate, LocalDate bookingDate) {
            this.type = type;
            this.effectiveDate = effectiveDate;
            this.bookingDate = bookingDate;
        }

        Builder plain(Account account, String dimension, long cents) {
            if (cents != 0) {
                out.add(JournalLine.of(account, dimension, cents));
            }
            return this;
        }

        Builder debtor(
                Account account, long cents, String debtorId, String assessmentId, Component component, String itemId) {
            if (cents != 0) {
                String dimension = account == Account.RECEIVABLE ? cellOf(assessmentId, itemId) : "";
                out.add(new JournalLine(account, dimension, cents, debtorId, assessmentId, component, itemId));
            }
            return this;
        }

        /** A line on a cell account that names the assessment line, so cohorts (collection rate) can be followed. */
        Builder principal(Account account, long cents, String assessmentId, String lineId) {
            if (cents != 0) {
                out.add(new JournalLine(
                        account, cellOf(assessmentId, lineId), cents, null, assessmentId, Component.PRINCIPAL, lineId));
            }
            return this;
        }

        /**
         * Money onto (sign +1) or off (sign -1) a claim item's receivable. What principal this makes received and
         * payable is booked from the fact's principal receipts ({@link #received}).
         */
        Builder allocation(String debtorId, Allocation a, int sign) {
            Account receivable =
                    switch (a.component()) {
                        case COSTS -> Account.COSTS_RECEIVABLE;
                        case INTEREST -> Account.INTEREST_RECEIVABLE;
                        case PRINCIPAL -> Account.RECEIVABLE;
                    };
            debtor(receivable, -sign * a.amountCents(), debtorId, a.assessmentId(), a.component(), a.itemId());
            return this;
        }

        /** Net received principal of the cell, mirrored by what is payable to the line's participant. */
        void received(PrincipalReceipt receipt) {
            LineSpec line = line(receipt.assessmentId(), receipt.lineId());
            principal(Account.RECEIVED, receipt.amountCents(), receipt.assessmentId(), receipt.lineId());
            plain(Account.PAYABLE, line.participantId(), -receipt.amountCents());
        }

        JournalEntry build() {
            return new JournalEntry(type, effectiveDate, bookingDate, out);
        }
    }
}
