-- Every fact now has an effective date (LedgerFact.effectiveDate, docs/design.md "Facts classify themselves"):
-- a fact that names no date of its own (a suspense payment assigned to the debtor) takes effect on its booking
-- date. The history used to store no date for it; a replay would write the booking date, so the stored rows
-- are brought to what a replay writes, and the column can say that it is always set.
UPDATE history_fact SET effective_date = booking_date WHERE effective_date IS NULL;
ALTER TABLE history_fact ALTER COLUMN effective_date SET NOT NULL;
