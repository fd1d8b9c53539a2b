-- Period close (command side) and the hash chain over the event store (tamper evidence, issue 4).

-- The closed-through date, kept by the subscribing processor 'command-lookups' in the transaction that
-- appends PeriodClosed, so the next command already sees it. One row: the ledger closes as a whole.
CREATE TABLE closed_period (
    ledger_id       TEXT PRIMARY KEY,
    closed_through  DATE NOT NULL,
    booking_date    DATE NOT NULL
);

-- One link per global index of domainevententry, in order and without holes, written by HashChainer.
-- hash = SHA-256(previous_hash, the row's stored columns) (see ChainLink). A global index that stayed
-- empty for good (a rolled-back append) gets a link with kind GAP, so a row that shows up there later is
-- an insertion that verify reports.
CREATE TABLE event_hash_chain (
    global_index   BIGINT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('EVENT', 'GAP')),
    previous_hash  TEXT NOT NULL,
    hash           TEXT NOT NULL,
    chained_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
