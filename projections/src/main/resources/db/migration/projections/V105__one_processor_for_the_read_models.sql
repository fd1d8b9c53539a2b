-- The four read models moved from one event processor each to the one processor "read-models" (issue 14: each
-- event read and deserialised once for all). The new processor has no token yet and would start from the first
-- event into tables that already hold it, so the tables are emptied here together with the old processors'
-- tokens, in the migration's transaction: at its first start the service rebuilds the read models from the store.
TRUNCATE balance_payment, balance_line, balance_cost_item, balance_interest_item, balance_assessment, balance_debtor,
    reconciliation_movement, reconciliation_line, suspense_item, history_fact;
DO $$
BEGIN
    -- the token store is the service's (V1); the projections' own tests migrate without it
    IF to_regclass('tokenentry') IS NOT NULL THEN
        DELETE FROM tokenentry WHERE processorname IN ('debtor-balances', 'reconciliation', 'suspense', 'debtor-history');
    END IF;
END $$;
