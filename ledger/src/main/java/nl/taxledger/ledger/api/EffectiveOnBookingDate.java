package nl.taxledger.ledger.api;

import java.time.LocalDate;

/**
 * An administrative act that names no date of its own takes effect on the day it was booked. One answer of {@link
 * LedgerFact}, given once for every fact it holds for.
 */
public sealed interface EffectiveOnBookingDate extends LedgerFact permits BankAccountRegistered, ParticipantRegistered,
        ParticipantIbanChangeRequested, ParticipantIbanChanged, RefundsReleased, RemittanceRunApproved,  PeriodClosed,
        UnmatchedPaymentAssigned {

    @Override
    default LocalDate effectiveDate() {
        return bookingDate();
    }
}
