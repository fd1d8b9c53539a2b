-- Read-your-writes (issue 14 item 3).
--
-- 1. The global position of a command's last event, stored with its idempotency record, so that a re-send of the
--    commandId answers the same position as the first send. Not part of the chain's row (ledger_chain_command_row
--    stays as it was): the position is a pointer to events that are chained themselves.
ALTER TABLE command_log ADD COLUMN position BIGINT;

-- 2. Processors wake on new events instead of polling (WakeableEventSource): every transaction that appends
--    events notifies channel ledger_events when it commits. A statement-level trigger, and PostgreSQL folds
--    identical notifications (same channel, same empty payload) of one transaction into one, so a bank file of
--    thousands of events sends one notification. The notification is delivered after the commit only, to every
--    instance listening, so a processor woken by it reads the events it announces.
CREATE FUNCTION ledger_events_appended() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ledger_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER ledger_events_appended AFTER INSERT ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_events_appended();
