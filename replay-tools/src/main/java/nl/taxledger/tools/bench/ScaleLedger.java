package nl.taxledger.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.taxledger.ledger.api.Allocation;
import nl.taxledger.ledger.api.AssessmentImposed;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.LedgerFact;
import nl.taxledger.ledger.api.LineSpec;
import nl.taxledger.ledger.api.ParticipantRegistered;
import nl.taxledger.ledger.api.PaymentReceived;
import nl.taxledger.ledger.api.PaymentUnmatched;
import nl.taxledger.ledger.api.RemittanceSchedule;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;

/**
 * A generated ledger of a large cooperation written straight to {@code domainevententry} for figure (d) at scale:
 * every payload and its metadata serialised by the service's own event serializer, in Axon's JDBC schema, with
 * PostgreSQL {@code COPY}. Two assessments per debtor (1–3 lines of the eleven participants) imposed in an assessment
 * run over all debtors first, then the payments (70% of debtors pay their first assessment in full, allocated per
 * line), so the table holds each debtor's facts far apart, as a year of bookings does; one debtor in a hundred has
 * a payment in suspense. Deterministic by seed.
 * <p>
 * The hash chain's trigger ({@code ledger_chain_event}, V70) is disabled while writing, as the schema owner: chaining
 * millions of rows one by one would make this a benchmark of the chain. A ledger written this way has no chain
 * and is for this figure only.
 */
final class ScaleLedger {
    static final int ASSESSMENTS_PER_DEBTOR = 2;
    static final int ROWS_PER_COPY = 20_000;
    private static final LocalDate RUN_DAY = LocalDate.of(2026, 2, 25);
    private static final String COPY = "COPY domainevententry (globalindex, aggregateidentifier, sequencenumber, type,"
            + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) FROM STDIN";
    private static final HexFormat HEX = HexFormat.of();

    private final BenchService service;
    private final long seed;
    private final Serializer serializer;
    private final List<Participants.Participant> participants = Participants.all();
    private final StringBuilder rows = new StringBuilder();
    private int rowsPending;
    private long globalIndex;

    ScaleLedger(BenchService service, long seed) {
        this.service = service;
        this.seed = seed;
        this.serializer = service.bean(Configuration.class).eventSerializer();
    }

    /** Writes the ledger; returns how many events. */
    long write(int assessments, PrintStream progress) throws SQLException {
        int debtors = (assessments + ASSESSMENTS_PER_DEBTOR - 1) / ASSESSMENTS_PER_DEBTOR;
        try (Connection connection = service.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            globalIndex = head(connection);
            execute(connection, "ALTER TABLE domainevententry DISABLE TRIGGER ledger_chain_event");
            try {
                for (Participants.Participant p : participants) {
                    add(
                            connection,
                            p.participantId(),
                            0,
                            "Participant",
                            new ParticipantRegistered(
                                    p.participantId(),
                                    p.name(),
                                    p.iban(),
                                    RemittanceSchedule.WEEKLY,
                                    BigDecimal.ZERO,
                                    0,
                                    RUN_DAY.minusDays(30)));
                }
                for (int d = 0; d < debtors; d++) {
                    imposeBoth(
                            connection, d, Math.min(ASSESSMENTS_PER_DEBTOR, assessments - d * ASSESSMENTS_PER_DEBTOR));
                    if (d % 100_000 == 99_999) {
                        progress.println("bench: imposed for " + (d + 1) + " of " + debtors + " debtors");
                    }
                }
                for (int d = 0; d < debtors; d++) {
                    pay(connection, d, Math.min(ASSESSMENTS_PER_DEBTOR, assessments - d * ASSESSMENTS_PER_DEBTOR));
                }
                flush(connection);
            } finally {
                execute(connection, "ALTER TABLE domainevententry ENABLE TRIGGER ledger_chain_event");
            }
            execute(connection, "SELECT setval('domainevententry_globalindex_seq', " + globalIndex + ")");
        }
        return globalIndex;
    }

    private static long head(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                var rs = sql.executeQuery("SELECT coalesce(max(globalindex), 0) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String debtorId(int d) {
        return String.format("S%08d", d + 1);
    }

    /** The plan of debtor {@code d}'s first assessment: drawn again, the same, when its payment is written. */
    private AssessmentImposed assessment(int d, int number) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + d * 7L + number);
        String assessmentId = debtorId(d) + "-" + number;
        List<LineSpec> lines = new ArrayList<>();
        int lineCount = 1 + random.nextInt(3);
        for (int l = 0; l < lineCount; l++) {
            Participants.Participant p = participants.get(random.nextInt(participants.size()));
            String taxType = p.participantId().startsWith("GEM")
                    ? (l == 0 ? "OZB" : "RIOOLHEFFING")
                    : p.participantId().startsWith("WS") ? "WATERSYSTEEMHEFFING" : "AFVALSTOFFENHEFFING";
            int taxYear = random.nextInt(10) == 0 ? 2025 : 2026;
            lines.add(
                    new LineSpec("L" + (l + 1), p.participantId(), taxType, taxYear, 5_000 + random.nextInt(145_000)));
        }
        LocalDate issued = RUN_DAY.plusDays(d % 3);
        return new AssessmentImposed(
                debtorId(d), assessmentId, issued, issued.plusMonths(2), "K" + assessmentId, lines, issued);
    }

    private void imposeBoth(Connection connection, int d, int count) throws SQLException {
        for (int number = 1; number <= count; number++) {
            add(connection, debtorId(d), number - 1, "DebtorAccount", assessment(d, number));
        }
    }

    private void pay(Connection connection, int d, int assessmentCount) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed * 31L + d);
        LocalDate valueDate = RUN_DAY.plusDays(30 + random.nextInt(60));
        if (random.nextInt(100) == 0) {
            String paymentId = "U" + debtorId(d);
            add(
                    connection,
                    paymentId,
                    0,
                    "UnmatchedPayment",
                    new PaymentUnmatched(
                            paymentId,
                            1_000 + random.nextInt(50_000),
                            valueDate,
                            "onbekend",
                            "TRANSFER",
                            null,
                            valueDate,
                            null));
        }
        if (random.nextInt(10) >= 7) {
            return;
        }
        AssessmentImposed first = assessment(d, 1);
        String paymentId = "P" + debtorId(d);
        List<Allocation> allocations = new ArrayList<>();
        long amountCents = 0;
        for (LineSpec line : first.lines()) {
            allocations.add(new Allocation(
                    first.assessmentId(), Component.PRINCIPAL, line.lineId(), paymentId, line.amountCents()));
            amountCents += line.amountCents();
        }
        add(
                connection,
                debtorId(d),
                assessmentCount,
                "DebtorAccount",
                new PaymentReceived(
                        debtorId(d),
                        paymentId,
                        amountCents,
                        valueDate,
                        first.paymentReference(),
                        "TRANSFER",
                        null,
                        false,
                        0,
                        allocations,
                        0,
                        valueDate));
    }

    /** One row as the JDBC event store writes it: the service's serializer, Axon's columns. */
    private void add(Connection connection, String aggregateId, long sequence, String type, LedgerFact fact)
            throws SQLException {
        SerializedObject<byte[]> payload = serializer.serialize(fact, byte[].class);
        String eventId = UUID.randomUUID().toString();
        byte[] metadata = serializer
                .serialize(MetaData.with("traceId", eventId).and("correlationId", eventId), byte[].class)
                .getData();
        String revision = payload.getType().getRevision();
        rows.append(++globalIndex)
                .append('\t')
                .append(aggregateId)
                .append('\t')
                .append(sequence)
                .append('\t')
                .append(type)
                .append('\t')
                .append(eventId)
                .append("\t\\\\x")
                .append(HEX.formatHex(metadata))
                .append("\t\\\\x")
                .append(HEX.formatHex(payload.getData()))
                .append('\t')
                .append(revision == null ? "\\N" : revision)
                .append('\t')
                .append(payload.getType().getName())
                .append('\t')
                .append(fact.bookingDate().atStartOfDay().toInstant(ZoneOffset.UTC))
                .append('\n');
        if (++rowsPending >= ROWS_PER_COPY) {
            flush(connection);
        }
    }

    private void flush(Connection connection) throws SQLException {
        if (rowsPending == 0) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.setLength(0);
        rowsPending = 0;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
