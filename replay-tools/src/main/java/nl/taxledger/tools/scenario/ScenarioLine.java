package nl.taxledger.tools.scenario;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One line of a scenario file: a command (with an optional expected error) or an expectation. */
record ScenarioLine(int number, JsonNode json) {
    boolean isCommand() {
        return json.has("type");
    }

    String type() {
        return json.path("type").asString();
    }

    /** The command as the ledger takes it: without the scenario's own {@code expectError} member. */
    JsonNode command() {
        return json instanceof ObjectNode object && object.has("expectError")
                ? object.deepCopy().without("expectError") : json;
    }

    String expectedError() {
        return json.path("expectError").asString(null);
    }

    String expectation() {
        return json.path("expect").asString();
    }
}
