package nl.taxledger.tools.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.taxledger.ledger.money.Money;
import nl.taxledger.tools.bench.DebtorPlan.Behaviour;
import nl.taxledger.tools.bench.DebtorPlan.Line;
import nl.taxledger.tools.bench.LedgerDay.Workload;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A synthetic tax cooperation over one year, deterministic by seed: participants, a yearly assessment run of
 * combined bills over three days, direct-debit mandates and ten monthly terms, weekly transfer and iDEAL days
 * (directed, undirected and unmatched payments), stornos, reductions, remissions, write-offs and weekly
 * remittances. Every command is valid against the ledger's rules: a rejection in the bench is a bug.
 * Separately, a batch of assessments for the import benchmark, on their own debtors.
 */
final class Cooperation {
    static final int TAX_YEAR = 2026;
    static final int MAX_DEBTORS = 10_000_000;
    private static final LocalDate PARTICIPANTS_REGISTERED = LocalDate.of(TAX_YEAR, 1, 5);
    private static final LocalDate FIRST_RUN_DAY = LocalDate.of(TAX_YEAR, 2, 25);
    private static final int RUN_DAYS = 3;
    private static final LocalDate DUE_DATE = LocalDate.of(TAX_YEAR, 4, 30);
    private static final LocalDate MANDATES_REGISTERED = LocalDate.of(TAX_YEAR, 3, 2);
    private static final LocalDate FIRST_TRANSFER_DAY = LocalDate.of(TAX_YEAR, 3, 6);
    private static final LocalDate REDUCTIONS_DECIDED = LocalDate.of(TAX_YEAR, 5, 20);
    private static final LocalDate REMISSIONS_DECIDED = LocalDate.of(TAX_YEAR, 6, 15);
    private static final LocalDate WRITE_OFFS_DECIDED = LocalDate.of(TAX_YEAR, 11, 30);
    private static final LocalDate LAST_REMITTANCE_DAY = LocalDate.of(TAX_YEAR, 12, 28);
    /** The import benchmark's assessments are the next year's run, booked after everything else. */
    static final LocalDate IMPORT_DAY = LocalDate.of(TAX_YEAR + 1, 2, 26);
    static final String IMPORT_PREFIX = "I";

    private final long seed;
    private final int debtors;
    private final double directDebitShare;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<LocalDate, Map<Workload, List<SyntheticCommand>>> days = new TreeMap<>();

    Cooperation(long seed, int debtors, double directDebitShare) {
        if (debtors < 1 || debtors > MAX_DEBTORS) {
            throw new IllegalArgumentException("debtors must be in 1.." + MAX_DEBTORS + ": " + debtors);
        }
        if (directDebitShare < 0 || directDebitShare > 1) {
            throw new IllegalArgumentException("direct-debit share must be in [0, 1]: " + directDebitShare);
        }
        this.seed = seed;
        this.debtors = debtors;
        this.directDebitShare = directDebitShare;
    }

    /** The year, day by day in booking-date order; within a day, in the order the commands must be sent per key. */
    List<LedgerDay> year() {
        days.clear();
        for (Participants.Participant participant : Participants.all()) {
            add(PARTICIPANTS_REGISTERED, Workload.SETUP, participant.participantId(), registration(participant));
        }
        for (int number = 1; number <= debtors; number++) {
            plan(DebtorPlan.draw(seed, "S", number, TAX_YEAR, directDebitShare), number);
        }
        remittances();
        List<LedgerDay> year = new ArrayList<>();
        days.forEach((date, byWorkload) -> byWorkload.forEach((workload, commands) ->
                year.add(new LedgerDay(date, workload, commands))));
        days.clear();
        return year;
    }

    /** Import assessment {@code number} (1-based) as one NDJSON line: the next year's bill of a debtor of its own. */
    ObjectNode importAssessment(int number) {
        DebtorPlan plan = DebtorPlan.draw(seed, IMPORT_PREFIX, number, TAX_YEAR + 1, directDebitShare);
        return assessment(plan, IMPORT_DAY, IMPORT_DAY.plusMonths(2));
    }

    private void plan(DebtorPlan plan, int number) {
        LocalDate runDay = FIRST_RUN_DAY.plusDays(number % RUN_DAYS);
        add(runDay, Workload.ASSESSMENT_RUN, plan.debtorId(), assessment(plan, runDay, DUE_DATE));
        if (plan.behaviour() == Behaviour.DIRECT_DEBIT) {
            directDebit(plan);
        } else if (plan.pays()) {
            transfer(plan);
        }
        if (plan.reductionLine() >= 0) {
            Line line = plan.lines().get(plan.reductionLine());
            add(REDUCTIONS_DECIDED, Workload.DECISIONS, plan.debtorId(), command("ReduceAssessment", "red-" + plan.debtorId())
                    .put("assessmentId", plan.assessmentId()).put("lineId", line.lineId()).put("kind", "VERMINDERING")
                    .put("amount", Money.format(plan.reductionCents())).put("decisionDate", REDUCTIONS_DECIDED.toString())
                    .put("reason", "bezwaar gegrond"));
        }
        resolution(plan);
    }

    private void directDebit(DebtorPlan plan) {
        add(MANDATES_REGISTERED, Workload.SETUP, plan.debtorId(), command("RegisterDirectDebitMandate", "mdt-" + plan.debtorId())
                .put("debtorId", plan.debtorId()).put("mandateId", "M-" + plan.debtorId()).put("iban", plan.iban())
                .put("signedDate", MANDATES_REGISTERED.minusDays(10).toString()));
        long termCents = plan.totalCents() / DebtorPlan.DIRECT_DEBIT_TERMS;
        for (int term = 0; term < DebtorPlan.DIRECT_DEBIT_TERMS; term++) {
            LocalDate collected = LocalDate.of(TAX_YEAR, 3 + term, 27);
            long amountCents = term < DebtorPlan.DIRECT_DEBIT_TERMS - 1 ? termCents
                    : plan.totalCents() - termCents * (DebtorPlan.DIRECT_DEBIT_TERMS - 1);
            String paymentId = "DD-" + plan.debtorId() + "-" + (term + 1);
            if (amountCents > 0) {
                add(collected, Workload.PAYMENT_DAY, plan.debtorId(), payment(paymentId, amountCents, collected, plan.iban(), "DIRECT_DEBIT")
                        .put("debtorId", plan.debtorId()).put("reference", plan.assessmentId()));
                if (plan.storno() && plan.stornoTerm() == term) {
                    storno(plan, paymentId, collected.plusDays(4), "MD06");
                }
            }
        }
    }

    private void transfer(DebtorPlan plan) {
        LocalDate paid = FIRST_TRANSFER_DAY.plusWeeks(plan.payDay());
        long total = plan.totalCents();
        long amountCents = switch (plan.behaviour()) {
            case PAYS_PART -> Math.max(1, total / 2);
            case OVERPAYS -> total + 500 + (total % 2_000);
            default -> total;
        };
        String paymentId = "TR-" + plan.debtorId();
        ObjectNode payment = payment(paymentId, amountCents, paid, plan.iban(), plan.channel());
        switch (plan.behaviour()) {
            case PAYS_UNDIRECTED -> payment.put("reference", plan.debtorId()); // the subject number: undirected
            case UNMATCHED -> payment.put("reference", "ONBEKEND " + plan.debtorId().hashCode()); // resolves to nothing
            default -> payment.put("reference", plan.assessmentId()); // the payment reference: directed
        }
        add(paid, Workload.PAYMENT_DAY, plan.debtorId(), payment);
        if (plan.behaviour() == Behaviour.UNMATCHED) {
            add(paid.plusDays(3), Workload.PAYMENT_DAY, plan.debtorId(), command("AssignUnmatchedPayment", "asg-" + plan.debtorId())
                    .put("paymentId", paymentId).put("debtorId", plan.debtorId()).put("reference", plan.assessmentId()));
        } else if (plan.storno()) {
            storno(plan, paymentId, paid.plusDays(4), "AC04");
        }
    }

    private void storno(DebtorPlan plan, String paymentId, LocalDate reversed, String reasonCode) {
        add(reversed, Workload.PAYMENT_DAY, plan.debtorId(), command("ReversePayment", "sto-" + paymentId)
                .put("paymentId", paymentId).put("valueDate", reversed.toString()).put("reasonCode", reasonCode));
    }

    /** A non-payer's first line (still fully open: non-payers get no reduction) is remitted or written off. */
    private void resolution(DebtorPlan plan) {
        Line line = plan.lines().get(0);
        switch (plan.resolution()) {
            case REMISSION -> add(REMISSIONS_DECIDED, Workload.DECISIONS, plan.debtorId(), command("GrantRemission", "rem-" + plan.debtorId())
                    .put("assessmentId", plan.assessmentId()).put("lineId", line.lineId()).put("component", "PRINCIPAL")
                    .put("amount", Money.format(line.amountCents())).put("decisionDate", REMISSIONS_DECIDED.toString()));
            case WRITE_OFF -> add(WRITE_OFFS_DECIDED, Workload.DECISIONS, plan.debtorId(), command("WriteOffUncollectible", "wo-" + plan.debtorId())
                    .put("assessmentId", plan.assessmentId()).put("lineId", line.lineId())
                    .put("amount", Money.format(line.amountCents())).put("decisionDate", WRITE_OFFS_DECIDED.toString())
                    .put("reasonCode", "GEEN_VERHAALSMOGELIJKHEDEN"));
            case NONE -> {
            }
        }
    }

    /** Every Monday from March on, each participant's remittance for the week that ended the day before. */
    private void remittances() {
        for (LocalDate monday = MANDATES_REGISTERED; !monday.isAfter(LAST_REMITTANCE_DAY); monday = monday.plusWeeks(1)) {
            if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new IllegalStateException("remittance day " + monday + " is not a Monday");
            }
            for (Participants.Participant participant : Participants.all()) {
                add(monday, Workload.REMITTANCE, participant.participantId(),
                        command("IssueRemittance", "rmt-" + participant.participantId() + "-" + monday)
                                .put("participantId", participant.participantId()).put("periodEnd", monday.minusDays(1).toString()));
            }
        }
    }

    private SyntheticCommand registration(Participants.Participant participant) {
        ObjectNode json = command("RegisterParticipant", "reg-" + participant.participantId())
                .put("participantId", participant.participantId()).put("name", participant.name())
                .put("iban", participant.iban()).put("schedule", "WEEKLY").put("reserveRate", "0.005").put("reserveYears", 4);
        return new SyntheticCommand(participant.participantId(), "RegisterParticipant", json);
    }

    private ObjectNode assessment(DebtorPlan plan, LocalDate issued, LocalDate due) {
        ObjectNode json = command("ImposeAssessment", "imp-" + plan.assessmentId()).put("assessmentId", plan.assessmentId())
                .put("debtorId", plan.debtorId()).put("issueDate", issued.toString()).put("dueDate", due.toString());
        ArrayNode lines = json.putArray("lines");
        for (Line line : plan.lines()) {
            lines.addObject().put("lineId", line.lineId()).put("participantId", line.participantId())
                    .put("taxType", line.taxType()).put("taxYear", line.taxYear()).put("amount", Money.format(line.amountCents()));
        }
        json.put("bookingDate", issued.toString());
        return json;
    }

    private ObjectNode payment(String paymentId, long amountCents, LocalDate valueDate, String iban, String channel) {
        return command("ReceivePayment", "pay-" + paymentId).put("paymentId", paymentId).put("amount", Money.format(amountCents))
                .put("valueDate", valueDate.toString()).put("counterpartyIban", iban).put("channel", channel);
    }

    private ObjectNode command(String type, String commandId) {
        return nodes.objectNode().put("type", type).put("commandId", commandId);
    }

    private void add(LocalDate bookingDate, Workload workload, String partitionKey, ObjectNode json) {
        json.put("bookingDate", bookingDate.toString());
        add(bookingDate, workload, partitionKey, new SyntheticCommand(partitionKey, json.get("type").asString(), json));
    }

    private void add(LocalDate bookingDate, Workload workload, String partitionKey, SyntheticCommand command) {
        command.json().put("bookingDate", bookingDate.toString());
        days.computeIfAbsent(bookingDate, d -> new TreeMap<>()).computeIfAbsent(workload, w -> new ArrayList<>()).add(command);
    }
}
