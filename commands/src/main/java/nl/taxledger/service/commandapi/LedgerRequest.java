package nl.taxledger.service.commandapi;

import java.time.LocalDate;

/**
 * A command as clients send it (the JSON shapes of the scenario README). {@link #validate} checks every field
 * without reading ledger state and returns how to route it.
 */
public interface LedgerRequest {
    String commandId();

    /** @param bookingDate the command's booking date, already parsed and checked once by the command service */
    Routed validate(LocalDate bookingDate);

    /**
     * The booking date as sent ({@code null} = today). Every request record has this component; the command
     * service parses it, once, before validating the rest.
     */
    default String bookingDate() {
        return null;
    }

    /** The booking date: given (from 1990 on, §12), or today; never after today (domain.md §2). */
    static LocalDate bookingDate(String value, LocalDate today) {
        LocalDate bookingDate = value == null ? today : FieldBounds.date("bookingDate", value);
        if (bookingDate.isAfter(today)) {
            throw Fields.invalid("bookingDate", "bookingDate " + bookingDate + " lies after today " + today);
        }
        return bookingDate;
    }
}
