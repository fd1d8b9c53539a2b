package nl.taxledger.tools.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import nl.taxledger.service.bank.BankImportAnswer;
import nl.taxledger.service.bank.BankPayments;
import tools.jackson.databind.JsonNode;

/**
 * The bank lines of the scenario format: the command {@code ImportBankStatement} (file relative to the scenario
 * file) and the expectations {@code bankImport} (the counts of an import's answer) and {@code payment}.
 */
final class BankImports {
    static final String TYPE = "ImportBankStatement";

    private final Path scenarioFolder;
    private final Map<String, BankImportAnswer> answers = new HashMap<>();

    BankImports(Path scenarioFolder) {
        this.scenarioFolder = scenarioFolder;
    }

    void run(Ledger ledger, JsonNode command) {
        String file = command.path("file").asString(null);
        if (file == null) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "ImportBankStatement without file");
        }
        byte[] xml;
        try {
            xml = Files.readAllBytes(scenarioFolder.resolve(file));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read bank file " + file, unreadable);
        }
        BankImportAnswer answer = ledger.importBankStatement(xml, command.path("acceptGap").asBoolean(false),
                command.path("reason").asString(null));
        answers.put(command.path("commandId").asString(), answer);
    }

    List<String> check(JsonNode json) {
        String commandId = json.path("commandId").asString();
        BankImportAnswer answer = answers.get(commandId);
        if (answer == null) {
            return List.of("no ImportBankStatement " + commandId + " was accepted before this line");
        }
        List<String> differences = new ArrayList<>();
        count(differences, commandId, "payments", json, answer.payments());
        count(differences, commandId, "directed", json, answer.directed());
        count(differences, commandId, "undirected", json, answer.undirected());
        count(differences, commandId, "suspense", json, answer.suspense());
        count(differences, commandId, "alreadyBooked", json, answer.alreadyBooked());
        return differences;
    }

    private static void count(List<String> differences, String commandId, String field, JsonNode json, int actual) {
        if (json.has(field) && json.path(field).asInt() != actual) {
            differences.add("bankImport " + commandId + "." + field + " expected " + json.path(field).asInt()
                    + ", actual " + actual);
        }
    }

    static List<String> payment(Ledger ledger, JsonNode json) {
        String paymentId = json.path("paymentId").asString();
        Optional<BankPayments.Payment> found = ledger.payment(paymentId);
        if (found.isEmpty()) {
            return List.of("payment " + paymentId + " is unknown");
        }
        BankPayments.Payment payment = found.get();
        List<String> differences = new ArrayList<>();
        same(differences, paymentId + ".debtorId", text(json, "debtorId"), payment.debtorId());
        same(differences, paymentId + ".matchedBy", text(json, "matchedBy"), payment.matchedBy());
        same(differences, paymentId + ".assessmentId", text(json, "assessmentId"), payment.assessmentId());
        return differences;
    }

    /** Absent or JSON null: expected null (a payment in suspense, or an undirected one). */
    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static void same(List<String> differences, String name, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add("payment " + name + " expected " + expected + ", actual " + actual);
        }
    }
}
