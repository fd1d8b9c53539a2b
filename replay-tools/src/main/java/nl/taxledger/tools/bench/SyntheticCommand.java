package nl.taxledger.tools.bench;

import tools.jackson.databind.node.ObjectNode;

/**
 * One command of the synthetic cooperation in the scenario NDJSON shape ({@code type} included).
 * {@code partitionKey} is the aggregate it touches (a debtor or a participant): commands with the same key
 * are sent in order by one client thread, so concurrent clients never race on one aggregate.
 */
record SyntheticCommand(String partitionKey, String type, ObjectNode json) {
}
