package nl.taxledger.service.commandapi;

import tools.jackson.databind.JsonNode;

/** The result of a command; {@code replayed} when it is the stored result of an earlier send. */
public record CommandOutcome(String commandId, String type, boolean replayed, JsonNode result) {
}
