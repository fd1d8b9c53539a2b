package nl.taxledger.tools.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.taxledger.service.bank.Mandates;
import tools.jackson.databind.JsonNode;

/** The scenario expectation {@code mandate}: {@code debtorId, mandateId, status (ACTIVE|ENDED), endReason?}. */
final class MandateExpectation {
    private MandateExpectation() {}

    static List<String> check(Ledger ledger, JsonNode json) {
        String debtorId = json.path("debtorId").asString();
        String mandateId = json.path("mandateId").asString();
        String name = "mandate " + debtorId + "/" + mandateId;
        Optional<Mandates.Mandate> found = ledger.mandate(debtorId, mandateId);
        if (found.isEmpty()) {
            return List.of(name + " is unknown");
        }
        List<String> differences = new ArrayList<>();
        same(
                differences,
                name + ".status",
                json.path("status").asString(null),
                found.get().status());
        if (json.has("endReason")) {
            same(
                    differences,
                    name + ".endReason",
                    json.path("endReason").asString(null),
                    found.get().endReason());
        }
        return differences;
    }

    private static void same(List<String> differences, String name, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(name + " expected " + expected + ", actual " + actual);
        }
    }
}
