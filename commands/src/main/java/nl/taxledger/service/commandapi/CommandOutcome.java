package nl.taxledger.service.commandapi;

import tools.jackson.databind.JsonNode;

/**
 * The result of a command: the fact it recorded ({@code resultType}, e.g. PaymentReceived with
 * its allocation, and {@code result}, its payload). {@code replayed} when this is the stored
 * result of an earlier send with the same commandId.
 */
public record CommandOutcome(String commandId, String type, boolean replayed, String resultType, JsonNode result) {
}
