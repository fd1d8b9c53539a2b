package nl.taxledger.ledger.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register one of the collector's own bank accounts; statements of any other IBAN are refused. */
public record RegisterBankAccount(@TargetAggregateIdentifier String iban, BankAccountPurpose purpose, String name,
                                  LocalDate bookingDate) {
}
