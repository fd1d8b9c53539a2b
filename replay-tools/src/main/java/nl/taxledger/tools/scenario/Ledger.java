package nl.taxledger.tools.scenario;

import java.time.LocalDate;
import java.util.Optional;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import tools.jackson.databind.JsonNode;

/**
 * What the runner needs of a ledger: the real command path and the real queries. One
 * instance is one fresh, empty ledger.
 */
interface Ledger extends AutoCloseable {
    /** Sends a command through the service's command path; throws LedgerRejection when refused. */
    void submit(String type, JsonNode command);

    void setToday(LocalDate today);

    /** Number of stored events, to prove that a rejection appended nothing. */
    long eventCount();

    /** Waits until every projection has processed every stored event. */
    void awaitProjections();

    Optional<DebtorAccountQuery.DebtorAccount> debtor(String debtorId);

    Optional<ReconciliationQuery.Cell> reconciliation(String participantId, String taxType, int taxYear);

    long suspenseBalanceCents();

    /** The ledger as of effective date {@code asOf}, as known at booking date {@code knownAt} (null = unbounded), read from the event store. */
    nl.taxledger.ledger.asof.AsOfFold asOf(LocalDate asOf, LocalDate knownAt);

    /** The remittance issued to a participant for the period ending {@code periodEnd}. */
    Optional<nl.taxledger.service.remittance.RemittanceQuery.Remittance> remittance(
            String participantId, LocalDate periodEnd);

    /**
     * Imports a bank file (camt.053/054) through the service's statement import, the path of
     * {@code POST /api/bank-statements}; throws LedgerRejection when the file is refused.
     */
    nl.taxledger.service.bank.BankImportAnswer importBankStatement(byte[] xml, boolean acceptGap, String reason);

    /** A payment: the debtor it is on now (null in suspense), the §9 rule that matched it, the assessment directed at. */
    Optional<nl.taxledger.service.bank.BankPayments.Payment> payment(String paymentId);

    /** A direct-debit mandate: ACTIVE or ENDED, with its end reason. */
    Optional<nl.taxledger.service.bank.Mandates.Mandate> mandate(String debtorId, String mandateId);

    @Override
    void close();
}
