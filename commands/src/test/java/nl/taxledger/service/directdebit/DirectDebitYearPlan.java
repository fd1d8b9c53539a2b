package nl.taxledger.service.directdebit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import nl.taxledger.ledger.money.Money;
import org.iban4j.CountryCode;
import org.iban4j.Iban;

/**
 * A year of direct debit, deterministic by seed: {@code debtors} debtors of one participant, each with an assessment
 * (a quarter with a second one, issued in spring), under a mandate signed on time, signed late, replaced by a new one
 * mid-year, revoked by the debtor, or doomed to three failed collection dates in a row. Every step the collector's
 * clerks take is a dated command; the bank's side (what fails when) is {@link CollectionBank}. Plan steps fall on
 * days 10 to 20 of a month, between the returns of the last run (early in the month) and the next run (late).
 */
final class DirectDebitYearPlan {
    static final String PARTICIPANT = "GEM-Y";
    static final int YEAR = 2026;

    enum Kind {
        ON_TIME,
        SIGNED_LATE,
        REPLACED,
        REVOKED,
        THREE_STRIKES
    }

    /** One debtor: its kind, its assessments (id → imposed cents), its mandates in order; strikes from the nth date. */
    record Debtor(
            String debtorId,
            Kind kind,
            List<String> assessmentIds,
            List<Long> imposedCents,
            List<String> mandateIds,
            int strikeFromDate) {
        long imposedTotalCents() {
            return imposedCents.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A command of the collector's clerks, booked on {@code day}. */
    record Step(LocalDate day, String type, String json) {}

    private final List<Debtor> debtors = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    DirectDebitYearPlan(long seed, int debtorCount) {
        if (debtorCount < 1 || debtorCount > 100_000) {
            throw new IllegalArgumentException("debtors must be 1 to 100,000: " + debtorCount);
        }
        for (int n = 1; n <= debtorCount; n++) {
            debtor(new Random(seed * 1_000_003L + n), n);
        }
        steps.sort(Comparator.comparing(Step::day));
    }

    List<Debtor> debtors() {
        return debtors;
    }

    /** The steps of one month, in date order (December of the year before included in January). */
    List<Step> stepsIn(int month) {
        return steps.stream()
                .filter(s -> s.day().getYear() == YEAR ? s.day().getMonthValue() == month : month == 1)
                .toList();
    }

    private void debtor(Random random, int n) {
        String debtorId = "S-Y%05d".formatted(n);
        int roll = random.nextInt(100);
        // debtors 1 to 4 are one of each special kind, so that even a small year has them all
        Kind kind = n < Kind.values().length
                ? Kind.values()[n]
                : roll < 3
                        ? Kind.THREE_STRIKES
                        : roll < 6
                                ? Kind.REPLACED
                                : roll < 8 ? Kind.REVOKED : roll < 18 ? Kind.SIGNED_LATE : Kind.ON_TIME;
        List<String> assessments = new ArrayList<>();
        List<Long> imposed = new ArrayList<>();
        List<String> mandates = new ArrayList<>();
        LocalDate issued = random.nextInt(10) < 6
                ? LocalDate.of(YEAR - 1, 12, 10 + random.nextInt(6))
                : LocalDate.of(YEAR, 1, 10 + random.nextInt(6));
        assess(
                debtorId,
                "A-Y%05d-1".formatted(n),
                issued,
                100_00 + random.nextInt(1_400_00),
                "OZB",
                assessments,
                imposed);
        if (random.nextInt(4) == 0) {
            LocalDate second = LocalDate.of(YEAR, 3 + random.nextInt(4), 10 + random.nextInt(11));
            assess(
                    debtorId,
                    "A-Y%05d-2".formatted(n),
                    second,
                    50_00 + random.nextInt(450_00),
                    "RIOOLHEFFING",
                    assessments,
                    imposed);
        }
        LocalDate signed = kind == Kind.SIGNED_LATE
                ? LocalDate.of(YEAR, 2 + random.nextInt(5), 10 + random.nextInt(11))
                : issued.plusDays(random.nextInt(5));
        mandate(debtorId, "M-Y%05d-1".formatted(n), signed, iban(n, 1), mandates);
        if (kind == Kind.REPLACED) {
            mandate(
                    debtorId,
                    "M-Y%05d-2".formatted(n),
                    LocalDate.of(YEAR, 4 + random.nextInt(4), 10 + random.nextInt(11)),
                    iban(n, 2),
                    mandates);
        }
        if (kind == Kind.REVOKED) {
            LocalDate revoked = LocalDate.of(YEAR, 5 + random.nextInt(5), 10 + random.nextInt(11));
            steps.add(new Step(revoked, "EndDirectDebitMandate", """
                    {"commandId":"end-%1$s","debtorId":"%2$s","mandateId":"%1$s","reason":"REVOKED","date":"%3$s"}""".formatted(mandates.get(0), debtorId, revoked)));
        }
        int strikeFrom = kind == Kind.THREE_STRIKES ? 2 + random.nextInt(3) : 0;
        debtors.add(new Debtor(
                debtorId, kind, List.copyOf(assessments), List.copyOf(imposed), List.copyOf(mandates), strikeFrom));
    }

    private void assess(
            String debtorId,
            String assessmentId,
            LocalDate issued,
            long cents,
            String taxType,
            List<String> assessments,
            List<Long> imposed) {
        assessments.add(assessmentId);
        imposed.add(cents);
        steps.add(new Step(issued, "ImposeAssessment", """
                {"commandId":"imp-%1$s","assessmentId":"%1$s","debtorId":"%2$s","issueDate":"%3$s","dueDate":"%4$s",
                 "lines":[{"lineId":"L1","participantId":"%5$s","taxType":"%6$s","taxYear":%7$d,"amount":"%8$s"}]}""".formatted(
                        assessmentId,
                        debtorId,
                        issued,
                        issued.plusMonths(2),
                        PARTICIPANT,
                        taxType,
                        YEAR,
                        Money.format(cents))));
    }

    private void mandate(String debtorId, String mandateId, LocalDate signed, String iban, List<String> mandates) {
        mandates.add(mandateId);
        steps.add(new Step(signed, "RegisterDirectDebitMandate", """
                {"commandId":"reg-%1$s","debtorId":"%2$s","mandateId":"%1$s","iban":"%3$s","signedDate":"%4$s"}""".formatted(mandateId, debtorId, iban, signed)));
    }

    private static String iban(int debtor, int mandate) {
        return new Iban.Builder()
                .countryCode(CountryCode.NL)
                .bankCode(mandate == 1 ? "INGB" : "RABO")
                .accountNumber("%010d".formatted(debtor))
                .build()
                .toString();
    }
}
