package nl.taxledger.tools.scenario;

import tools.jackson.databind.JsonNode;

/** One line of a scenario file: a command (with an optional expected error) or an expectation. */
record ScenarioLine(int number, JsonNode json) {
    boolean isCommand() {
        return json.has("type");
    }

    String type() {
        return json.path("type").asString();
    }

    String expectedError() {
        return json.path("expectError").asString(null);
    }

    String expectation() {
        return json.path("expect").asString();
    }
}
