package nl.taxledger.tools.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.taxledger.ledger.api.LedgerRejection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs scenario files (shared/spec/scenarios/README.md): each on a fresh, empty ledger, every
 * command through the real command path, every expectation through the real queries. Counts
 * expectations and expected errors; any other command must succeed or it counts as a failure.
 */
public final class ScenarioRunner {
    /** A scenario file is small by nature; a bound keeps a wrong file from running away. */
    static final int MAX_LINES_PER_FILE = 100_000;

    private final Supplier<Ledger> freshLedger;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();

    public ScenarioRunner(Supplier<Ledger> freshLedger, PrintStream out) {
        this.freshLedger = freshLedger;
        this.out = out;
    }

    /** The tally of one or more files. */
    public record Tally(int passed, int failed) {
        Tally plus(Tally other) {
            return new Tally(passed + other.passed, failed + other.failed);
        }
    }

    public Tally runAll(List<Path> files) throws IOException {
        Tally total = new Tally(0, 0);
        for (Path file : files) {
            total = total.plus(runFile(file));
        }
        out.println(total.passed() + " passed, " + total.failed() + " failed");
        return total;
    }

    Tally runFile(Path file) throws IOException {
        List<ScenarioLine> lines = read(file);
        List<String> failures = new ArrayList<>();
        int passed = 0;
        try (Ledger ledger = freshLedger.get()) {
            BankImports bankImports = new BankImports(file.toAbsolutePath().getParent());
            Expectations expectations = new Expectations(ledger, bankImports);
            for (ScenarioLine line : lines) {
                String failure = line.isCommand() ? runCommand(ledger, line, bankImports) : expectations.check(line);
                if (failure != null) {
                    failures.add("  line " + line.number() + ": " + failure);
                } else if (!line.isCommand() || line.expectedError() != null) {
                    passed++;
                }
            }
        }
        out.println(file.getFileName() + ": " + passed + " passed, " + failures.size() + " failed");
        failures.forEach(out::println);
        return new Tally(passed, failures.size());
    }

    /** Returns a failure description, or null when the command did what the file expects. */
    private String runCommand(Ledger ledger, ScenarioLine line, BankImports bankImports) {
        String bookingDate = line.json().path("bookingDate").asString(null);
        if (bookingDate != null) {
            ledger.setToday(LocalDate.parse(bookingDate));
        }
        String expectedError = line.expectedError();
        long eventsBefore = ledger.eventCount();
        try {
            if (BankImports.TYPE.equals(line.type())) {
                bankImports.run(ledger, line.command());
            } else {
                ledger.submit(line.type(), line.command());
            }
        } catch (LedgerRejection rejection) {
            if (expectedError == null) {
                return line.type() + " " + line.json().path("commandId").asString() + " was refused: "
                        + rejection.code() + " (" + rejection.getMessage() + ")";
            }
            if (!expectedError.equals(rejection.code().name())) {
                return line.type() + " expected error " + expectedError + ", actual " + rejection.code()
                        + " (" + rejection.getMessage() + ")";
            }
            long appended = ledger.eventCount() - eventsBefore;
            return appended == 0 ? null : "rejected " + line.type() + " still appended " + appended + " events";
        }
        return expectedError == null ? null : line.type() + " expected error " + expectedError + ", actual: accepted";
    }

    private List<ScenarioLine> read(Path file) throws IOException {
        List<String> texts = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (texts.size() > MAX_LINES_PER_FILE) {
            throw new IOException(file + " has more than " + MAX_LINES_PER_FILE + " lines");
        }
        List<ScenarioLine> lines = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isBlank()) {
                lines.add(new ScenarioLine(i + 1, json.readTree(texts.get(i))));
            }
        }
        return lines;
    }
}
