-- The ledger chain's row functions (V70) in PL/pgSQL instead of SQL, giving the very same bytes (issue 14).
--
-- Why: a SQL-language function that PostgreSQL does not inline (these take a whole row, and the command row casts
-- its jsonb to text) is planned again on every call, and so is every ledger_chain_text inside it: 15 separate
-- statement executions per command (pg_stat_statements, `bench --sql-profile`). In PL/pgSQL the expression is
-- planned once per session and the small ledger_chain_text/ledger_chain_bytes, called with plain variables,
-- are inlined into it. Measured on a scratch database: a group transaction of 1,000 events and 1,000 command
-- records chained in 884 ms before, 309-402 ms after.
--
-- Nothing else changes: the functions keep their names, arguments and results, the chain's format, the links
-- already written and the Java ChainLink that recomputes them. The bytes are the same as V70's, field by field in
-- the same order (TamperEvidenceTest and the chain verifier recompute every link written through them).

CREATE OR REPLACE FUNCTION ledger_chain_event_row(e domainevententry) RETURNS BYTEA LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN int8send(e.globalindex) || ledger_chain_text(e.eventidentifier) || ledger_chain_text(e.payloadtype)
        || ledger_chain_text(e.payloadrevision) || ledger_chain_bytes(e.payload) || ledger_chain_bytes(e.metadata)
        || ledger_chain_text(e.aggregateidentifier) || int8send(e.sequencenumber) || ledger_chain_text(e.type)
        || ledger_chain_text(e.timestamp);
END $$;

CREATE OR REPLACE FUNCTION ledger_chain_snapshot_row(s snapshotevententry) RETURNS BYTEA LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN ledger_chain_text(s.aggregateidentifier) || int8send(s.sequencenumber) || ledger_chain_text(s.type)
        || ledger_chain_text(s.eventidentifier) || ledger_chain_bytes(s.metadata) || ledger_chain_bytes(s.payload)
        || ledger_chain_text(s.payloadrevision) || ledger_chain_text(s.payloadtype) || ledger_chain_text(s.timestamp);
END $$;

CREATE OR REPLACE FUNCTION ledger_chain_command_row(c command_log) RETURNS BYTEA LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    -- a variable, so the text of the jsonb is made once and ledger_chain_text is inlined around it
    result_text TEXT := c.result::text;
BEGIN
    RETURN ledger_chain_text(c.command_id) || ledger_chain_text(c.command_type) || ledger_chain_text(c.request_sha256)
        || ledger_chain_text(c.result_type) || ledger_chain_text(result_text)
        || int8send((extract(epoch FROM c.recorded_at) * 1000000)::bigint);
END $$;
