package nl.taxledger.ledger.api;

/** An assessment whose remaining debt fell due at once, with what was open of it then (costs, interest, principal). */
public record DueAssessment(String assessmentId, long openCents) {}
