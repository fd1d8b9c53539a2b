package nl.taxledger.service.commandapi;

import tools.jackson.databind.JsonNode;

/**
 * The result of a command: the fact it recorded ({@code resultType}, e.g. PaymentReceived with
 * its allocation, and {@code result}, its payload). {@code replayed} when this is the stored
 * result of an earlier send with the same commandId. {@code position}: the global position of the last event the
 * command appended (a replayed answer: the first send's), null when it appended none; a query given it as its
 * minimum position ({@code Ledger-Min-Position}) sees the command's effect (README.md "Reading your own writes").
 */
public record CommandOutcome(
        String commandId, String type, boolean replayed, String resultType, JsonNode result, Long position) {
    /** The response header that carries {@link #position} to the caller. */
    public static final String POSITION_HEADER = "Ledger-Position";
}
