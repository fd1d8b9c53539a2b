package nl.taxledger.ledger.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Books the transactions of one checked statement (domain.md §9): each booked credit transaction once, as one
 * /**
 * Books the transactions of one checked statement (domain.md §9): each booked credit transaction once, as one
 * payment matched by {@link PaymentMatcher}; pending and informational entries reported, not booked; each booked
 * debit as the service decides ({@link Bookings#debit}): a return of our own collection (§10), one of our payouts
 * executed (its EndToEndId), else listed as unreconciled (§9 "Debit transactions").
 */
public final class StatementImporter {
    private StatementImporter() {}

    /** Where the payments go. The service books each through the command path, in its own transaction. */
    public interface Bookings {
        /**
         * Books {@code line} unless its key was booked before, deciding the match with {@code decide} at booking
         * time (so a payment earlier in the same file counts for rule 5). Answers the booking, with
         * {@code earlier} set and the match stored then when it was already booked.
         */
        Booking bookOnce(StatementLine line, Function<StatementLine, Match> decide);

        /**
         * A booked debit. The service books a return of one of our own collections (domain.md §10, R-transactions)
         * or marks one of our released payouts executed ({@link Outcome#PAYOUT_EXECUTED}, with its EndToEndId);
         * anything else is unreconciled, never booked to a debtor.
         */
        default DebitBooking debit(StatementLine line) {
            return new DebitBooking(Outcome.UNRECONCILED_DEBIT, null);
        }
    }

    public record Booking(Match match, boolean earlier) {}

    /**
     * How a debit was handled; {@code match} names the collection (rule 1, its debtor and assessment) if ours,
     * {@code payout} the EndToEndId of the payout it executed.
     */
    public record DebitBooking(Outcome outcome, Match match, String payout) {
        public DebitBooking(Outcome outcome, Match match) {
            this(outcome, match, null);
        }
    }

    public enum Outcome {
        /** A credit booked now as a payment. */
        BOOKED,
        /** A credit an earlier import booked: nothing booked twice. */
        ALREADY_BOOKED,
        /** An entry that is not BOOK (pending, informational): reported only. */
        NOT_BOOKED,
        /** A booked debit that is not (yet) one of ours: listed, never booked to a debtor. */
        UNRECONCILED_DEBIT,
        /** A debit returning one of our settled collections: its payment reversed and the collection failed now. */
        RETURN_BOOKED,
        /** This very debit (same key) was booked as a return before, e.g. on the camt.054 and again on the 053. */
        RETURN_ALREADY_BOOKED,
        /** Another report of a collection that failed before: nothing booked, the collection fails once (§10). */
        ALREADY_FAILED,
        /** A return of one of our collections whose settlement is not booked: nothing booked, listed (bank-files.md). */
        RETURN_NOT_SETTLED,
        /** A pain.002 reject of one of our collections: the collection failed, no money moved. */
        FAILURE_RECORDED,
        /** A pain.002 status for an EndToEndId that is none of our collections: reported, not booked. */
        UNKNOWN_COLLECTION,
        /** A pain.002 reject of a whole file or payment block that lists no transaction: reported, not booked. */
        FILE_REJECTED,
        /** A booked debit with the EndToEndId of one of our payouts: that payout is executed. */
        PAYOUT_EXECUTED
    }

    /**
     * One transaction in the answer. {@code match} is null for entries that are not credits booked (or debits of
     * our collections); {@code payout} is the EndToEndId of the payout a debit executed.
     */
    public record LineResult(StatementLine line, Outcome outcome, Match match, String payout) {
        public LineResult(StatementLine line, Outcome outcome, Match match) {
            this(line, outcome, match, null);
        }
    }

    public static List<LineResult> run(Statement statement, KnownParties known, Bookings bookings) {
        List<LineResult> results = new ArrayList<>();
        Function<StatementLine, Match> decide = line -> PaymentMatcher.match(line.transaction(), known);
        for (StatementLine line : statement.lines()) {
            if (!line.booked()) {
                results.add(new LineResult(line, Outcome.NOT_BOOKED, null));
            } else if (!line.credit()) {
                DebitBooking debit = bookings.debit(line);
                results.add(new LineResult(line, debit.outcome(), debit.match(), debit.payout()));
            } else {
                Booking booking = bookings.bookOnce(line, decide);
                results.add(new LineResult(
                        line, booking.earlier() ? Outcome.ALREADY_BOOKED : Outcome.BOOKED, booking.match()));
            }
        }
        return results;
    }

    /** The counts of the scenario format's {@code bankImport}: credit transactions only. */
    public record Counts(int payments, int directed, int undirected, int suspense, int alreadyBooked) {
        public static Counts of(List<LineResult> results) {
            int payments = 0;
            int directed = 0;
            int suspense = 0;
            int alreadyBooked = 0;
            for (LineResult result : results) {
                if (result.outcome() == Outcome.ALREADY_BOOKED) {
                    alreadyBooked++;
                } else if (result.outcome() == Outcome.BOOKED) {
                    payments++;
                    Match match = Optional.ofNullable(result.match())
                            .orElseThrow(() -> new IllegalStateException("a booked payment without a match: "
                                    + result.line().key()));
                    directed += match.directed() ? 1 : 0;
                    suspense += match.inSuspense() ? 1 : 0;
                }
            }
            return new Counts(payments, directed, payments - directed - suspense, suspense, alreadyBooked);
        }
    }
}
