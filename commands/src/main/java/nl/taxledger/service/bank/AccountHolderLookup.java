package nl.taxledger.service.bank;

import java.util.List;
import nl.taxledger.ledger.api.DirectDebitMandateRegistered;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.RefundPaid;
import nl.taxledger.service.lookup.RebuildableLookup;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rule 5 of §9: an IBAN belongs to a debtor once any payment of theirs came from it (assignments included), a
 * mandate names it or a refund went to it. In the subscribing processor {@code command-lookups}, inside the
 * appending transaction. Filled from events alone, so an upgraded ledger gets its history here too
 * ({@link RebuildableLookup}): a holder missing from before the upgrade would make a shared IBAN look unambiguous.
 */
@Component
@ProcessingGroup("command-lookups")
class AccountHolderLookup implements RebuildableLookup {
    private final JdbcTemplate jdbc;

    AccountHolderLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("lookup_account_holder");
    }

    @EventHandler
    void on(PaymentReceived event) {
        holder(event.counterpartyRef(), event.debtorId());
    }

    @EventHandler
    void on(DirectDebitMandateRegistered event) {
        holder(event.accountRef(), event.debtorId());
    }

    @EventHandler
    void on(RefundPaid event) {
        holder(event.accountRef(), event.debtorId());
    }

    private void holder(String accountRef, String debtorId) {
        if (accountRef != null) {
            jdbc.update(
                    "INSERT INTO lookup_account_holder (account_ref, debtor_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    accountRef,
                    debtorId);
        }
    }
}
