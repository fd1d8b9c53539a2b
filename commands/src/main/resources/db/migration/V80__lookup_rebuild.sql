-- Lookups added to a ledger that already had history started empty there: V40's account holders (rule 5 of §9),
-- V41's direct-debit tables and V45's failures and reversals were filled only by events appended after their
-- migration, so on an upgraded ledger a payment on an older assessment failed (no dd_assessment row) and an IBAN
-- shared with a debtor who paid only before the upgrade looked unambiguous. LookupRebuild empties every lookup
-- filled from events alone and replays the whole event store into it, once per generation named here, at the
-- first start after this migration (a new ledger: over no events).
CREATE TABLE lookup_rebuild (
    generation           TEXT        PRIMARY KEY,
    through_global_index BIGINT      NOT NULL,
    events               BIGINT      NOT NULL CHECK (events >= 0),
    rebuilt_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
