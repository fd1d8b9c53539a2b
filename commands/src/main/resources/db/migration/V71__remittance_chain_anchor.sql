-- The ledger chain's head when a remittance was issued (the last committed link before the issuing transaction),
-- printed on the participant's statement: every participant holds a copy of an anchor outside our database
-- (issue 12, item 4; replay-tools verify --anchor). NULL for remittances issued before this migration.
ALTER TABLE remittance ADD COLUMN chain_position BIGINT;
ALTER TABLE remittance ADD COLUMN chain_hash TEXT;
