-- The ledger chain (issue 12, item 4): one hash chain over everything the command side stores as history, each link
-- computed in the transaction that writes the row, at its commit, so no committed row is ever unchained.
--
-- Covered tables (one chain, so one head to anchor, in the one order the rows were committed):
--   domainevententry    every event            (source EVENT,    row_key = globalindex)
--   snapshotevententry  every aggregate snapshot (source SNAPSHOT, row_key = eventidentifier)
--   command_log         every idempotency record (source COMMAND, row_key = command_id)
-- Each link: hash = SHA-256( text(source) || text(previous_hash) || int8(position) || every stored column of the row ),
-- each text and bytea length-prefixed (int4 length, -1 for NULL), numbers as int8, jsonb by its text form, a
-- timestamptz as int8 microseconds since 1970 (nl.taxledger.service.hashchain.ChainLink computes the same in Java).
--
-- Order: a deferred constraint trigger runs at COMMIT, after every other lock the transaction took, and row-locks
-- the head (ledger_chain_head, FOR UPDATE) until the commit is done. So concurrent transactions chain one after
-- the other in the order they commit, and a transaction that rolls back leaves no link and no hole (positions
-- are 1, 2, 3, ... for good; global indexes can have holes, positions cannot).
--
-- Ledgers chained the old way (event_hash_chain, written up to a second after the append by HashChainer): those
-- links stay and stay valid under the old rule. Position 1 of the new chain is the ORIGIN link that records where
-- the old rule ends: the old chain's head (global index and hash; 0 and the genesis hash when there was none), and
-- a random id of this ledger (row_key = '<ledger id>:<old head index>:<old head hash>'), so an anchor names the
-- ledger it belongs to.
-- Every event after that index, every snapshot and every command-log row already stored are chained by this
-- migration, in that order; from then on the triggers chain every new row.

CREATE TABLE ledger_chain (
    position       BIGINT PRIMARY KEY CHECK (position > 0),
    source         TEXT   NOT NULL CHECK (source IN ('ORIGIN', 'EVENT', 'SNAPSHOT', 'COMMAND')),
    row_key        TEXT   NOT NULL,
    previous_hash  TEXT   NOT NULL,
    hash           TEXT   NOT NULL,
    chained_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ledger_chain_by_row ON ledger_chain (source, row_key);

-- One row: the last link. Locked by every committing writer, so it is also the serialisation point.
CREATE TABLE ledger_chain_head (
    id        INT    PRIMARY KEY CHECK (id = 1),
    position  BIGINT NOT NULL,
    hash      TEXT   NOT NULL
);

CREATE FUNCTION ledger_chain_text(value TEXT) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN int4send(-1)
                ELSE int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8') END
$$;

CREATE FUNCTION ledger_chain_bytes(value BYTEA) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(length(value)) || value END
$$;

CREATE FUNCTION ledger_chain_event_row(e domainevententry) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT int8send(e.globalindex) || ledger_chain_text(e.eventidentifier) || ledger_chain_text(e.payloadtype)
        || ledger_chain_text(e.payloadrevision) || ledger_chain_bytes(e.payload) || ledger_chain_bytes(e.metadata)
        || ledger_chain_text(e.aggregateidentifier) || int8send(e.sequencenumber) || ledger_chain_text(e.type)
        || ledger_chain_text(e.timestamp)
$$;

CREATE FUNCTION ledger_chain_snapshot_row(s snapshotevententry) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT ledger_chain_text(s.aggregateidentifier) || int8send(s.sequencenumber) || ledger_chain_text(s.type)
        || ledger_chain_text(s.eventidentifier) || ledger_chain_bytes(s.metadata) || ledger_chain_bytes(s.payload)
        || ledger_chain_text(s.payloadrevision) || ledger_chain_text(s.payloadtype) || ledger_chain_text(s.timestamp)
$$;

CREATE FUNCTION ledger_chain_command_row(c command_log) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT ledger_chain_text(c.command_id) || ledger_chain_text(c.command_type) || ledger_chain_text(c.request_sha256)
        || ledger_chain_text(c.result_type) || ledger_chain_text(c.result::text)
        || int8send((extract(epoch FROM c.recorded_at) * 1000000)::bigint)
$$;

-- Appends one link after the head. SECURITY DEFINER (the schema owner), and not executable by anyone else: the
-- service's role cannot write a link except through the triggers below, nor move the head.
CREATE FUNCTION ledger_chain_append(link_source TEXT, link_row_key TEXT, row_bytes BYTEA) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    last_position BIGINT;
    last_hash     TEXT;
    next_hash     TEXT;
BEGIN
    SELECT position, hash INTO last_position, last_hash FROM ledger_chain_head WHERE id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ledger chain has no head row';
    END IF;
    next_hash := encode(sha256(ledger_chain_text(link_source) || ledger_chain_text(last_hash)
                               || int8send(last_position + 1) || row_bytes), 'hex');
    INSERT INTO ledger_chain (position, source, row_key, previous_hash, hash)
        VALUES (last_position + 1, link_source, link_row_key, last_hash, next_hash);
    UPDATE ledger_chain_head SET position = last_position + 1, hash = next_hash WHERE id = 1;
END $$;
REVOKE EXECUTE ON FUNCTION ledger_chain_append(TEXT, TEXT, BYTEA) FROM PUBLIC;

CREATE FUNCTION ledger_chain_event_committed() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM ledger_chain_append('EVENT', NEW.globalindex::text, ledger_chain_event_row(NEW));
    RETURN NULL;
END $$;

CREATE FUNCTION ledger_chain_snapshot_committed() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM ledger_chain_append('SNAPSHOT', NEW.eventidentifier, ledger_chain_snapshot_row(NEW));
    RETURN NULL;
END $$;

CREATE FUNCTION ledger_chain_command_committed() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM ledger_chain_append('COMMAND', NEW.command_id, ledger_chain_command_row(NEW));
    RETURN NULL;
END $$;

-- The migration path: the ORIGIN link, then what is stored and not yet chained, in a fixed order.
DO $$
DECLARE
    legacy_index BIGINT;
    legacy_hash  TEXT;
    ledger_id    TEXT := gen_random_uuid()::text;
    origin_hash  TEXT;
    -- typed as the tables' rows (a plain RECORD cannot be passed to the row functions)
    stored_event    domainevententry;
    stored_snapshot snapshotevententry;
    stored_command  command_log;
BEGIN
    SELECT global_index, hash INTO legacy_index, legacy_hash FROM event_hash_chain ORDER BY global_index DESC LIMIT 1;
    IF NOT FOUND THEN
        legacy_index := 0;
        legacy_hash := repeat('0', 64);
    END IF;
    origin_hash := encode(sha256(ledger_chain_text('ORIGIN') || ledger_chain_text(repeat('0', 64)) || int8send(1)
                                 || ledger_chain_text(ledger_id) || int8send(legacy_index)
                                 || ledger_chain_text(legacy_hash)), 'hex');
    INSERT INTO ledger_chain (position, source, row_key, previous_hash, hash)
        VALUES (1, 'ORIGIN', ledger_id || ':' || legacy_index::text || ':' || legacy_hash, repeat('0', 64), origin_hash);
    INSERT INTO ledger_chain_head (id, position, hash) VALUES (1, 1, origin_hash);
    FOR stored_event IN SELECT * FROM domainevententry WHERE globalindex > legacy_index ORDER BY globalindex LOOP
        PERFORM ledger_chain_append('EVENT', stored_event.globalindex::text, ledger_chain_event_row(stored_event));
    END LOOP;
    FOR stored_snapshot IN SELECT * FROM snapshotevententry ORDER BY aggregateidentifier, sequencenumber LOOP
        PERFORM ledger_chain_append('SNAPSHOT', stored_snapshot.eventidentifier,
                                    ledger_chain_snapshot_row(stored_snapshot));
    END LOOP;
    FOR stored_command IN SELECT * FROM command_log ORDER BY recorded_at, command_id LOOP
        PERFORM ledger_chain_append('COMMAND', stored_command.command_id, ledger_chain_command_row(stored_command));
    END LOOP;
END $$;

CREATE CONSTRAINT TRIGGER ledger_chain_event AFTER INSERT ON domainevententry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_chain_event_committed();
CREATE CONSTRAINT TRIGGER ledger_chain_snapshot AFTER INSERT ON snapshotevententry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_chain_snapshot_committed();
CREATE CONSTRAINT TRIGGER ledger_chain_command AFTER INSERT ON command_log
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_chain_command_committed();
