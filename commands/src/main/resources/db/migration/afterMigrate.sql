-- Flyway runs this after every migrate (a callback, not a versioned migration). Where the roles of
-- DatabaseRoles exist (the embedded PostgreSQL; an operator who created them the same way), the application role
-- may append to the event store and the command log but never change or remove a row, and may not write the
-- ledger chain at all (its links are written by the chain's triggers, as the schema owner): the default
-- privileges gave tables created by a migration full rights, so they are taken away again here.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON domainevententry, event_hash_chain, command_log FROM ledger_app;
        REVOKE INSERT ON event_hash_chain FROM ledger_app;
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ledger_chain, ledger_chain_head FROM ledger_app;
        REVOKE UPDATE, TRUNCATE ON snapshotevententry FROM ledger_app;
    END IF;
END $$;
