package nl.taxledger.tools.bank;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Writes the service's answer to one file (docs/bank-files.md, "How a file is imported") as lines a clerk can read:
 * each statement, each transaction with its outcome and what decided it, and the file's counts.
 */
final class BankImportPrinter {
    private BankImportPrinter() {}

    static void print(String file, JsonNode answer, PrintWriter out) {
        out.printf("%s%n", file);
        for (JsonNode statement : answer.path("statements")) {
            out.printf(
                    "  statement %s %s %s: opening %s, closing %s%s%s%n",
                    statement.path("iban").asString(),
                    statement.path("statementId").asString(),
                    statement.path("statementDate").asString(),
                    statement.path("opening").asString(),
                    statement.path("closing").asString(),
                    statement.path("recordedBefore").asBoolean() ? " (recorded before)" : "",
                    text(statement, "gapReason").isEmpty()
                            ? ""
                            : " (gap accepted: " + text(statement, "gapReason") + ")");
        }
        for (JsonNode transaction : answer.path("transactions")) {
            out.printf("  %s%n", line(transaction));
        }
        out.printf(
                "  payments %d, directed %d, undirected %d, suspense %d, alreadyBooked %d%n",
                answer.path("payments").asInt(),
                answer.path("directed").asInt(),
                answer.path("undirected").asInt(),
                answer.path("suspense").asInt(),
                answer.path("alreadyBooked").asInt());
    }

    /** {@code <payment id> <direction> <amount> <outcome>} and whichever of the details the answer holds. */
    static String line(JsonNode transaction) {
        List<String> parts = new ArrayList<>();
        parts.add(text(transaction, "paymentId"));
        parts.add(text(transaction, "direction"));
        parts.add(text(transaction, "amount"));
        parts.add(text(transaction, "outcome"));
        detail(parts, "debtor", transaction, "debtorId");
        detail(parts, "assessment", transaction, "assessmentId");
        detail(parts, "rule", transaction, "matchedBy");
        detail(parts, "suspense", transaction, "suspenseReason");
        detail(parts, "endToEndId", transaction, "endToEndId");
        detail(parts, "reason", transaction, "reasonCode");
        detail(parts, "payout", transaction, "payout");
        detail(parts, "bank text", transaction, "bankText");
        if (!"BOOK".equals(text(transaction, "entryStatus"))
                && !text(transaction, "entryStatus").isEmpty()) {
            parts.add("entry " + text(transaction, "entryStatus"));
        }
        return String.join(" ", parts).strip();
    }

    private static void detail(List<String> parts, String label, JsonNode transaction, String field) {
        String value = text(transaction, field);
        if (!value.isEmpty()) {
            parts.add(label + "=" + (value.contains(" ") ? "\"" + value + "\"" : value));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asString("");
    }
}
