package nl.taxledger.tools.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.taxledger.ledger.money.Money;
import nl.taxledger.projections.balance.DebtorAccountQuery;
import nl.taxledger.projections.reconciliation.ReconciliationQuery;
import tools.jackson.databind.JsonNode;

/** Checks expectation lines against the ledger's real queries; amounts compared exactly. */
final class Expectations {
    private final Ledger ledger;
    private final BankImports bankImports;

    Expectations(Ledger ledger, BankImports bankImports) {
        this.ledger = ledger;
        this.bankImports = bankImports;
    }

    /** Returns null when the expectation holds, else every difference with expected and actual. */
    String check(ScenarioLine line) {
        JsonNode json = line.json();
        if (json.has("asOf") || json.has("knownAt")) {
            List<String> differences = asOf(line.expectation(), json);
            return differences.isEmpty() ? null : String.join("; ", differences);
        }
        ledger.awaitProjections();
        List<String> differences =
                switch (line.expectation()) {
                    case "debtor" -> debtor(json);
                    case "reconciliation" -> reconciliation(json);
                    case "remittance" -> remittance(json);
                    case "suspense" ->
                        compare(
                                new ArrayList<>(),
                                "suspense.balance",
                                json.path("balance"),
                                ledger.suspenseBalanceCents());
                    case "bankImport" -> bankImports.check(json);
                    case "payment" -> BankImports.payment(ledger, json);
                    case "mandate" -> MandateExpectation.check(ledger, json);
                    default -> List.of("expectation '" + line.expectation() + "' is not supported by this build");
                };
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    private List<String> debtor(JsonNode json) {
        String debtorId = json.path("debtorId").asString();
        Optional<DebtorAccountQuery.DebtorAccount> account = ledger.debtor(debtorId);
        if (account.isEmpty()) {
            return List.of("debtor " + debtorId + " is unknown");
        }
        List<String> differences = new ArrayList<>();
        compare(
                differences,
                "debtor " + debtorId + " credit",
                json.path("credit"),
                account.get().creditCents());
        for (Map.Entry<String, JsonNode> expected : json.path("assessments").properties()) {
            String name = "debtor " + debtorId + " " + expected.getKey();
            Optional<DebtorAccountQuery.AssessmentBalance> actual =
                    account.get().assessment(expected.getKey());
            if (actual.isEmpty()) {
                differences.add(name + " is unknown");
                continue;
            }
            compareOpen(
                    differences,
                    name,
                    expected.getValue(),
                    actual.get().openCostsCents(),
                    actual.get().openInterestCents(),
                    actual.get().openPrincipalCents());
        }
        return differences;
    }

    private List<String> remittance(JsonNode json) {
        String participant = json.path("participantId").asString();
        String periodEnd = json.path("periodEnd").asString();
        String name = "remittance " + participant + "/" + periodEnd;
        Optional<nl.taxledger.service.remittance.RemittanceQuery.Remittance> issued =
                ledger.remittance(participant, java.time.LocalDate.parse(periodEnd));
        if (issued.isEmpty()) {
            return List.of(name + " was not issued");
        }
        nl.taxledger.service.remittance.RemittanceQuery.Remittance r = issued.get();
        List<String> differences = new ArrayList<>();
        compare(differences, name + ".receipts", json.path("receipts"), r.receiptsCents());
        compare(differences, name + ".reserveWithheld", json.path("reserveWithheld"), r.reserveWithheldCents());
        compare(differences, name + ".reserveReleased", json.path("reserveReleased"), r.reserveReleasedCents());
        compare(differences, name + ".carriedForwardIn", json.path("carriedForwardIn"), r.carriedForwardInCents());
        compare(differences, name + ".amount", json.path("amount"), r.amountCents());
        compare(differences, name + ".carriedForwardOut", json.path("carriedForwardOut"), r.carriedForwardOutCents());
        return differences;
    }

    private List<String> reconciliation(JsonNode json) {
        String participant = json.path("participantId").asString();
        String taxType = json.path("taxType").asString();
        int taxYear = json.path("taxYear").asInt();
        String name = "reconciliation " + participant + "/" + taxType + "/" + taxYear;
        Optional<ReconciliationQuery.Cell> cell = ledger.reconciliation(participant, taxType, taxYear);
        if (cell.isEmpty()) {
            return List.of(name + " has no cell");
        }
        ReconciliationQuery.Cell c = cell.get();
        List<String> differences = new ArrayList<>();
        compareCell(
                differences,
                name,
                json,
                c.imposedCents(),
                c.reductionsCents(),
                c.exemptionsCents(),
                c.annulmentsCents(),
                c.remissionsCents(),
                c.uncollectibleCents(),
                c.receivedCents(),
                c.outstandingCents());
        return differences;
    }

    /** Reference-date expectations go through the as-of replay of the event store, never the live projections. */
    private List<String> asOf(String expectation, JsonNode json) {
        java.time.LocalDate asOf =
                json.has("asOf") ? java.time.LocalDate.parse(json.path("asOf").asString()) : null;
        java.time.LocalDate knownAt = json.has("knownAt")
                ? java.time.LocalDate.parse(json.path("knownAt").asString())
                : null;
        nl.taxledger.ledger.asof.AsOfFold fold = ledger.asOf(asOf, knownAt);
        String when = " (asOf " + asOf + ", knownAt " + knownAt + ")";
        List<String> differences = new ArrayList<>();
        switch (expectation) {
            case "debtor" -> {
                String debtorId = json.path("debtorId").asString();
                nl.taxledger.ledger.asof.DebtorPosition position = fold.debtor(debtorId);
                compare(
                        differences,
                        "debtor " + debtorId + when + " credit",
                        json.path("credit"),
                        position.creditCents());
                for (Map.Entry<String, JsonNode> expected :
                        json.path("assessments").properties()) {
                    String name = "debtor " + debtorId + " " + expected.getKey() + when;
                    nl.taxledger.ledger.asof.DebtorPosition.AssessmentPosition a = position.assessment(
                                    expected.getKey())
                            .orElse(new nl.taxledger.ledger.asof.DebtorPosition.AssessmentPosition(
                                    expected.getKey(), 0, 0, 0));
                    compareOpen(
                            differences,
                            name,
                            expected.getValue(),
                            a.openCostsCents(),
                            a.openInterestCents(),
                            a.openPrincipalCents());
                }
            }
            case "reconciliation" -> {
                String name = "reconciliation " + json.path("participantId").asString() + "/"
                        + json.path("taxType").asString() + "/"
                        + json.path("taxYear").asInt() + when;
                java.util.Optional<nl.taxledger.ledger.asof.ReconciliationCell> cell = fold.reconciliation(
                        json.path("participantId").asString(),
                        json.path("taxType").asString(),
                        json.path("taxYear").asInt());
                if (cell.isEmpty()) {
                    return List.of(name + " has no cell");
                }
                nl.taxledger.ledger.asof.ReconciliationCell c = cell.get();
                compareCell(
                        differences,
                        name,
                        json,
                        c.imposedCents(),
                        c.reductionsCents(),
                        c.exemptionsCents(),
                        c.annulmentsCents(),
                        c.remissionsCents(),
                        c.uncollectibleCents(),
                        c.receivedCents(),
                        c.outstandingCents());
            }
            case "suspense" ->
                compare(differences, "suspense.balance" + when, json.path("balance"), fold.suspenseCents());
            default -> differences.add(expectation + " with asOf/knownAt is not supported by this build");
        }
        return differences;
    }

    /** The reconciliation columns of domain.md §6, in the order {@link #compareCell} takes their actual values. */
    private static final String[] CELL_COLUMNS = {
        "imposed", "reductions", "exemptions", "annulments", "remissions", "uncollectible", "received", "outstanding"
    };

    /** One reconciliation cell, live or as of a reference date: every column the expectation lists. */
    private static void compareCell(List<String> differences, String name, JsonNode expected, long... actualCents) {
        if (actualCents.length != CELL_COLUMNS.length) {
            throw new IllegalArgumentException("a reconciliation cell has " + CELL_COLUMNS.length + " columns");
        }
        for (int i = 0; i < CELL_COLUMNS.length; i++) {
            compare(differences, name + "." + CELL_COLUMNS[i], expected.path(CELL_COLUMNS[i]), actualCents[i]);
        }
    }

    /** The open costs, interest and principal of one assessment of a debtor expectation. */
    private static void compareOpen(
            List<String> differences,
            String name,
            JsonNode expected,
            long costsCents,
            long interestCents,
            long principalCents) {
        compare(differences, name + ".costs", expected.path("costs"), costsCents);
        compare(differences, name + ".interest", expected.path("interest"), interestCents);
        compare(differences, name + ".principal", expected.path("principal"), principalCents);
    }

    private static List<String> compare(List<String> differences, String name, JsonNode expected, long actualCents) {
        if (expected.isMissingNode()) {
            return differences;
        }
        long expectedCents = Money.parseCents(expected.asString());
        if (expectedCents != actualCents) {
            differences.add(
                    name + ": expected " + Money.format(expectedCents) + ", actual " + Money.format(actualCents));
        }
        return differences;
    }
}
