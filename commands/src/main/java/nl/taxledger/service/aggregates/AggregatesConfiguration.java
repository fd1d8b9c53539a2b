package nl.taxledger.service.aggregates;

import nl.taxledger.ledger.account.DebtorAccount;
import nl.taxledger.ledger.participant.Participant;
import nl.taxledger.ledger.period.LedgerPeriods;
import nl.taxledger.ledger.release.RefundBatch;
import nl.taxledger.ledger.release.RemittanceRunRelease;
import nl.taxledger.ledger.suspense.SuspenseAssignment;
import nl.taxledger.ledger.suspense.UnmatchedPayment;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the Spring-free aggregates of the {@code ledger} module with Axon, and the one
 * command handler that works on two aggregates (assigning a payment from suspense).
 */
@Configuration(proxyBeanMethods = false)
class AggregatesConfiguration {

    /** A bound on the cache setting: about 2 KB an aggregate, so this is a few GB at most. */
    static final long MAX_CACHE_ENTRIES = 2_000_000;

    /**
     * {@code ledger.aggregate-cache.max-entries}: debtor accounts and participants kept in memory between
     * commands (least recently used out), so a command on a known debtor does not read and replay its events;
     * 0 switches the cache off. See {@link TransactionalAggregateCache} for why it only holds committed state.
     */
    @Bean
    ConfigurerModule ledgerAggregates(@Value("${ledger.aggregate-cache.max-entries:100000}") long maxCacheEntries) {
        if (maxCacheEntries < 0 || maxCacheEntries > MAX_CACHE_ENTRIES) {
            throw new IllegalArgumentException("ledger.aggregate-cache.max-entries must be in 0.." + MAX_CACHE_ENTRIES);
        }
        return configurer -> {
            configurer.configureAggregate(
                    cached(AggregateConfigurer.defaultConfiguration(DebtorAccount.class), maxCacheEntries));
            configurer.configureAggregate(cached(
                    AggregateConfigurer.defaultConfiguration(Participant.class),
                    Math.min(maxCacheEntries, MAX_PARTICIPANTS)));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(UnmatchedPayment.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(LedgerPeriods.class));
            configurer.configureAggregate(
                    AggregateConfigurer.defaultConfiguration(nl.taxledger.ledger.bank.BankAccount.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(RemittanceRunRelease.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(RefundBatch.class));
            configurer.configureAggregate(
                    AggregateConfigurer.defaultConfiguration(nl.taxledger.ledger.directdebit.DirectDebitRun.class));
            configurer.registerCommandHandler(config -> new SuspenseAssignment(
                    config.repository(UnmatchedPayment.class), config.repository(DebtorAccount.class)));
        };
    }

    /** A cooperation has about ten participants; the cache for them needs no more room than this. */
    static final long MAX_PARTICIPANTS = 1_000;

    private static <A> AggregateConfigurer<A> cached(AggregateConfigurer<A> aggregate, long maxEntries) {
        if (maxEntries == 0) {
            return aggregate;
        }
        TransactionalAggregateCache cache = new TransactionalAggregateCache(maxEntries);
        return aggregate.configureCache(axon -> cache);
    }
}
