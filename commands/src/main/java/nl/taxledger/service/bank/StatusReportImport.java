package nl.taxledger.service.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.taxledger.ledger.bank.KnownParties;
import nl.taxledger.ledger.bank.KnownParties.OwnCollection;
import nl.taxledger.ledger.bank.StatementImporter.Outcome;
import nl.taxledger.service.commandapi.Actor;

/**
 * Imports a pain.002 status report (domain.md §10): each transaction rejected ({@code RJCT}) with an original
 * EndToEndId of ours is a failed collection with its reason code, and books no money; an EndToEndId that is none of
 * ours is reported, not booked; a collection that failed before is answered as such. A report holds no money, so it
 * has no balances, statements or payments: the answer's counts are all 0 and each transaction is listed.
 */
final class StatusReportImport {
    private final Pain002Reader reader;
    private final CollectionReturns returns;
    private final KnownParties known;

    StatusReportImport(Pain002Reader reader, CollectionReturns returns, KnownParties known) {
        this.reader = reader;
        this.returns = returns;
        this.known = known;
    }

    BankImportAnswer importReport(byte[] xml, String bookingDate, Actor actor) {
        Pain002Reader.StatusReport report = reader.read(xml);
        Actor source = new Actor(actor.who(), actor.why(), "pain.002 " + report.messageId());
        List<BankImportAnswer.TransactionAnswer> answers = new ArrayList<>();
        for (Pain002Reader.TransactionStatus status : report.transactions()) {
            answers.add(answer(report, status, bookingDate, source));
        }
        for (String block : report.rejectedWithoutTransactions()) {
            answers.add(new BankImportAnswer.TransactionAnswer(
                    report.messageId(),
                    block,
                    null,
                    "NONE",
                    "RJCT",
                    Outcome.FILE_REJECTED.name(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
        }
        return new BankImportAnswer(List.of(), answers, 0, 0, 0, 0, 0);
    }

    private BankImportAnswer.TransactionAnswer answer(
            Pain002Reader.TransactionStatus status,
            Pain002Reader.StatusReport report,
            Outcome outcome,
            OwnCollection collection) {
        return new BankImportAnswer.TransactionAnswer(
                report.messageId(),
                status.statusId(),
                collection == null ? null : BankStatementImport.euro(collection.amountCents()),
                "NONE",
                status.status(),
                outcome.name(),
                collection == null ? null : collection.debtorId(),
                collection == null ? null : collection.assessmentId(),
                null,
                null,
                null,
                status.originalEndToEndId(),
                status.reasonCode(),
                null);
    }

    private BankImportAnswer.TransactionAnswer answer(
            Pain002Reader.StatusReport report,
            Pain002Reader.TransactionStatus status,
            String bookingDate,
            Actor actor) {
        if (!status.rejected()) {
            return answer(status, report, Outcome.NOT_BOOKED, null);
        }
        Optional<OwnCollection> ours = status.originalEndToEndId() == null
                ? Optional.empty()
                : known.ownCollection(status.originalEndToEndId());
        if (ours.isEmpty()) {
            return answer(status, report, Outcome.UNKNOWN_COLLECTION, null);
        }
        Outcome outcome = returns.reject(ours.get(), status.reasonCode(), bookingDate, actor);
        return answer(status, report, outcome, ours.get());
    }
}
