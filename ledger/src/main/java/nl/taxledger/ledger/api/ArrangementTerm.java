package nl.taxledger.ledger.api;

import java.time.LocalDate;

/** One term of a payment arrangement. */
public record ArrangementTerm(LocalDate dueDate, long amountCents) {
}
