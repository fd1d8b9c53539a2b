package nl.taxledger.tools.bank;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code replay-tools bank import FILE...}: the batch path of the statement import (issue 15). Each file goes, in
 * the order given, to {@code POST /api/bank-statements} of a running service, signed in as a user of that service
 * (who on every fact is that user, as in the browser); the service does everything else (schema, whole-file
 * checks, matching, idempotency per transaction). Prints each transaction's outcome and the counts. A refused file
 * stops the run: the files after it would most likely break the statement sequence.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import camt.053/camt.054 statements and pain.002 status reports into a running service,",
            "in the order given, through POST /api/bank-statements. Exit code 0 when every file was",
            "imported, 1 when a file was refused (the files after it are not sent), 2 on a usage error."
        })
public final class BankImportCommand implements Callable<Integer> {
    /** Exit code of a file the service refused (or could not be reached for). */
    static final int REFUSED = 1;

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "camt.053, camt.054 or pain.002 files (XML)")
    List<Path> files;

    @Option(
            names = "--url",
            defaultValue = "http://localhost:8080",
            description = "the service's base URL (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--user", required = true, description = "a user of the service with role CLERK or SUPERVISOR")
    String user;

    @Option(
            names = "--password",
            defaultValue = "${env:LEDGER_PASSWORD}",
            description = "the user's password (default: environment variable LEDGER_PASSWORD); prefer"
                    + " --password-file or the variable: a command line is visible to every user of the machine")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the user's password")
    Path passwordFile;

    @Option(
            names = "--accept-gap",
            description = "book a statement that does not open with the previous closing balance (needs --reason)")
    boolean acceptGap;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why the gap is accepted (recorded in the fact)")
    String reason;

    @Option(names = "--why", paramLabel = "TEXT", description = "why the files are imported (X-Ledger-Why)")
    String why;

    @Spec
    CommandSpec spec;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (acceptGap && (reason == null || reason.isBlank())) {
            spec.commandLine().getErr().println("--accept-gap needs --reason TEXT");
            return 2;
        }
        String authorization = "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password()).getBytes(StandardCharsets.UTF_8));
        Totals totals = new Totals();
        for (Path file : files) {
            if (!send(file, authorization, totals, out)) {
                out.printf("%s: refused; %d file(s) after it not sent%n", file, files.size() - 1 - totals.files);
                totals.print(out);
                out.flush();
                return REFUSED;
            }
            totals.files++;
        }
        totals.print(out);
        out.flush();
        return 0;
    }

    /** Sends one file and prints its answer; false when the service refused it. */
    private boolean send(Path file, String authorization, Totals totals, PrintWriter out) throws InterruptedException {
        byte[] xml;
        try {
            xml = Files.readAllBytes(file);
        } catch (IOException e) {
            out.printf("%s: cannot read: %s%n", file, e.getMessage());
            return false;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/xml")
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .header("X-Ledger-Source", "replay-tools bank import " + file.getFileName())
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml));
        if (why != null) {
            request.header("X-Ledger-Why", why);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            out.printf("%s: the service at %s cannot be reached: %s%n", file, url, e.getMessage());
            return false;
        }
        if (response.statusCode() != 200) {
            out.printf("%s: HTTP %d %s%n", file, response.statusCode(), problem(response.body()));
            return false;
        }
        JsonNode answer = JSON.readTree(response.body());
        BankImportPrinter.print(file.toString(), answer, out);
        totals.add(answer);
        return true;
    }

    private URI endpoint() {
        String base = url.toString().replaceAll("/+$", "");
        StringBuilder query = new StringBuilder();
        if (acceptGap) {
            query.append("?acceptGap=true&reason=").append(URLEncoder.encode(reason, StandardCharsets.UTF_8));
        }
        return URI.create(base + "/api/bank-statements" + query);
    }

    /** The code and detail of a problem answer (RFC 9457), else the body as it came. */
    private static String problem(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String code = problem.path("code").asString("");
            String detail =
                    problem.path("detail").asString(problem.path("title").asString(""));
            return (code.isEmpty() ? "" : code + ": ") + detail;
        } catch (RuntimeException notJson) {
            return body;
        }
    }

    private String password() {
        if (passwordFile == null) {
            return password == null ? "" : password;
        }
        try {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + passwordFile, e);
        }
    }

    /** The counts over every file imported. */
    private static final class Totals {
        int files;
        int transactions;
        int payments;
        int directed;
        int undirected;
        int suspense;
        int alreadyBooked;

        void add(JsonNode answer) {
            transactions += answer.path("transactions").size();
            payments += answer.path("payments").asInt();
            directed += answer.path("directed").asInt();
            undirected += answer.path("undirected").asInt();
            suspense += answer.path("suspense").asInt();
            alreadyBooked += answer.path("alreadyBooked").asInt();
        }

        void print(PrintWriter out) {
            out.printf(
                    "total: %d file(s), %d transaction(s): payments %d, directed %d, undirected %d, suspense %d,"
                            + " alreadyBooked %d%n",
                    files, transactions, payments, directed, undirected, suspense, alreadyBooked);
        }
    }
}
