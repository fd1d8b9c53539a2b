package nl.taxledger.ledger.api;

/** One aanslagregel: a participant's tax of one type and year on an assessment. */
public record LineSpec(String lineId, String participantId, String taxType, int taxYear, long amountCents) {
}
