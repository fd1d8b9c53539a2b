package nl.taxledger.tools.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.taxledger.ledger.money.Money;
import nl.taxledger.service.directdebit.DirectDebitQuery;
import tools.jackson.databind.JsonNode;

/**
 * The direct-debit expectations of the scenario format (domain.md §10): {@code directDebitRun} (a run's number of
 * transactions and total), {@code collection} (one transaction) and {@code mandate} (status and end reason).
 */
final class DirectDebits {
    private DirectDebits() {}

    static List<String> run(Ledger ledger, JsonNode json) {
        LocalDate date = LocalDate.parse(json.path("collectionDate").asString());
        Optional<DirectDebitQuery.Run> run = ledger.directDebits().run(date);
        if (run.isEmpty()) {
            return List.of("no direct-debit run for " + date);
        }
        List<String> differences = new ArrayList<>();
        if (json.has("transactions")
                && json.path("transactions").asInt() != run.get().transactions()) {
            differences.add("directDebitRun " + date + ".transactions expected "
                    + json.path("transactions").asInt() + ", actual "
                    + run.get().transactions());
        }
        amount(
                differences,
                "directDebitRun " + date + ".total",
                json.path("total"),
                run.get().totalCents());
        return differences;
    }

    static List<String> collection(Ledger ledger, JsonNode json) {
        String endToEndId = json.path("endToEndId").asString();
        Optional<DirectDebitQuery.Collection> found = ledger.directDebits().collection(endToEndId);
        if (found.isEmpty()) {
            return List.of("no collection " + endToEndId);
        }
        DirectDebitQuery.Collection collection = found.get();
        List<String> differences = new ArrayList<>();
        same(differences, "collection " + endToEndId + ".debtorId", json, "debtorId", collection.debtorId());
        same(
                differences,
                "collection " + endToEndId + ".assessmentId",
                json,
                "assessmentId",
                collection.assessmentId());
        amount(differences, "collection " + endToEndId + ".amount", json.path("amount"), collection.amountCents());
        return differences;
    }

    static List<String> mandate(Ledger ledger, JsonNode json) {
        String debtorId = json.path("debtorId").asString();
        String mandateId = json.path("mandateId").asString();
        String name = "mandate " + debtorId + "/" + mandateId;
        Optional<DirectDebitQuery.Mandate> found = ledger.directDebits().mandate(debtorId, mandateId);
        if (found.isEmpty()) {
            return List.of(name + " is unknown");
        }
        List<String> differences = new ArrayList<>();
        same(differences, name + ".status", json, "status", found.get().status());
        same(differences, name + ".endReason", json, "endReason", found.get().endReason());
        return differences;
    }

    private static void amount(List<String> differences, String name, JsonNode expected, long actualCents) {
        if (!expected.isMissingNode() && Money.parseCents(expected.asString()) != actualCents) {
            differences.add(name + ": expected " + expected.asString() + ", actual " + Money.format(actualCents));
        }
    }

    /** Compared when the expectation names the field. */
    private static void same(List<String> differences, String name, JsonNode json, String field, String actual) {
        if (json.has(field) && !Objects.equals(json.path(field).asString(), actual)) {
            differences.add(name + " expected " + json.path(field).asString() + ", actual " + actual);
        }
    }
}
