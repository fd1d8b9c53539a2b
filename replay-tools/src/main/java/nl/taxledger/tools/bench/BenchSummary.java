package nl.taxledger.tools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine-readable summary of a run ({@code bench --json FILE}, issue 14 item 5):
 * {@code {"figures":[{"id","name","value","unit","baseline","ratio","target","met"}], "missing":[…], "run":{…}}}.
 * {@code figures} holds only what the run measured. A headline figure of issue 14 the run did not produce (one
 * this build does not measure, or the statement import skipped with {@code --statement-transactions 0}) is listed
 * under {@code missing}, never given a made-up value; a value that is not a finite number is written as null.
 */
final class BenchSummary {
    /** Issue 14's figures, by id: what a complete run reports. */
    static final Map<String, String> HEADLINE_IDS = headlines();

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BenchSummary() {}

    private static Map<String, String> headlines() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("a1", "assessment run, events/s");
        ids.put("a2", "payment days (single commands), events/s");
        ids.put("b", "batch import, events/s");
        ids.put("c", "rebuild of all read models, events/s");
        ids.put("d", "as-of replay, events/s");
        ids.put("e", "debtor statement p99 while the payment days run, ms");
        ids.put("f", "read-model lag p99 during the payment days, from commit to visible, ms");
        ids.put("g", "bank statement import, transactions/s");
        return Collections.unmodifiableMap(ids);
    }

    /** Headline ids the run did not produce, in issue 14's order. */
    static List<String> missing(List<Figure> figures) {
        Set<String> produced = figures.stream().map(Figure::id).collect(Collectors.toSet());
        return HEADLINE_IDS.keySet().stream()
                .filter(id -> !produced.contains(id))
                .toList();
    }

    static ObjectNode json(Bench.Options options, Bench.Result result) {
        ObjectNode root = figuresAndMissing(
                result.figures(),
                id -> id.equals("g") && options.statementTransactions() == 0
                        ? "skipped: --statement-transactions 0"
                        : id.equals("f")
                                ? "no sample: no command answered while the probe was free"
                                : "not measured in this run");
        ObjectNode run = root.putObject("run");
        run.put("finishedAt", Instant.now().toString());
        run.put("debtors", options.debtors());
        run.put("seed", options.seed());
        run.put("threads", options.threads());
        run.put("importAssessments", options.importAssessments());
        run.put("statementTransactions", options.statementTransactions());
        run.put("durable", options.durable());
        run.put("commands", result.commands());
        outcome(run, result);
        return root;
    }

    static void write(Path file, Bench.Options options, Bench.Result result) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(json(options, result)));
    }

    /** {@code bench --asof-assessments N --json FILE}: figure d alone; every other headline id is missing. */
    static void writeAsOf(Path file, int assessments, Bench.Result result) throws IOException {
        ObjectNode root = figuresAndMissing(result.figures(), id -> "--asof-assessments measures figure d alone");
        ObjectNode run = root.putObject("run");
        run.put("finishedAt", Instant.now().toString());
        run.put("asOfAssessments", assessments);
        outcome(run, result);
        Files.writeString(file, JSON.writeValueAsString(root));
    }

    /** The measured figures, and each headline id not measured with {@code whyMissing} of it. */
    private static ObjectNode figuresAndMissing(List<Figure> measured, Function<String, String> whyMissing) {
        ObjectNode root = JSON.createObjectNode();
        figures(root, measured);
        ArrayNode missing = root.putArray("missing");
        for (String id : missing(measured)) {
            missing.addObject().put("id", id).put("name", HEADLINE_IDS.get(id)).put("reason", whyMissing.apply(id));
        }
        return root;
    }

    /** What every run reports of its outcome and machine. */
    private static void outcome(ObjectNode run, Bench.Result result) {
        run.put("events", result.events());
        run.put("reconciles", result.reconciles());
        run.put("postgres", result.postgresVersion());
        run.put("cpus", Runtime.getRuntime().availableProcessors());
        run.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void figures(ObjectNode root, List<Figure> measured) {
        ArrayNode figures = root.putArray("figures");
        for (Figure figure : measured) {
            ObjectNode node = figures.addObject();
            node.put("id", figure.id());
            node.put("name", figure.what());
            putNumber(node, "value", figure.value());
            node.put("unit", figure.unit());
            putNumber(node, "baseline", figure.baseline());
            node.put("baselineName", figure.baselineWhat());
            putNumber(node, "ratio", figure.ratio());
            if (!figure.target().isEmpty()) {
                node.put("target", figure.target());
            }
            if (figure.met() != null) {
                node.put("met", figure.met());
            }
        }
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
