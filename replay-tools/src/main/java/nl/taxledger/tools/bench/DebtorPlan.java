package nl.taxledger.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What one synthetic debtor is billed and how the debtor behaves over the year. Drawn from a random source
 * seeded by (seed, debtor number) alone, so a debtor's plan does not depend on the size of the run.
 */
record DebtorPlan(String debtorId, String assessmentId, List<Line> lines, Behaviour behaviour, int payDay,
                  String channel, boolean storno, int stornoTerm, int reductionLine, long reductionCents,
                  Resolution resolution, String iban) {

    /** Direct debit: the bill in ten monthly terms. */
    static final int DIRECT_DEBIT_TERMS = 10;
    /** Transfers and iDEAL payments arrive on one of this many weekly payment days. */
    static final int TRANSFER_DAYS = 8;
    /** About 1.5% of collections are reversed (storno). */
    static final double STORNO_RATE = 0.015;
    static final double REDUCTION_RATE = 0.03;

    record Line(String lineId, String participantId, String taxType, int taxYear, long amountCents) {
    }

    enum Behaviour { DIRECT_DEBIT, PAYS_FULL, PAYS_PART, OVERPAYS, PAYS_UNDIRECTED, UNMATCHED, NON_PAYER }

    /** What happens to a non-payer's first line late in the year. */
    enum Resolution { NONE, REMISSION, WRITE_OFF }

    long totalCents() {
        return lines.stream().mapToLong(Line::amountCents).sum();
    }

    boolean pays() {
        return behaviour != Behaviour.NON_PAYER;
    }

    static DebtorPlan draw(long seed, String idPrefix, int number, int taxYear, double directDebitShare) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + idPrefix.hashCode() * 31L + number);
        String debtorId = String.format("%s%07d", idPrefix, number);
        String assessmentId = String.format("A%d-%s%07d", taxYear, idPrefix, number);
        List<Line> lines = lines(random, number, taxYear);
        Behaviour behaviour = behaviour(random, directDebitShare);
        int payDay = random.nextInt(TRANSFER_DAYS);
        String channel = random.nextInt(10) < 6 ? "TRANSFER" : "IDEAL";
        boolean reverses = behaviour != Behaviour.NON_PAYER && behaviour != Behaviour.UNMATCHED
                && random.nextDouble() < (behaviour == Behaviour.DIRECT_DEBIT ? STORNO_RATE * DIRECT_DEBIT_TERMS : STORNO_RATE);
        int stornoTerm = random.nextInt(DIRECT_DEBIT_TERMS);
        boolean reduced = behaviour != Behaviour.NON_PAYER && random.nextDouble() < REDUCTION_RATE;
        int reductionLine = reduced ? random.nextInt(lines.size()) : -1;
        long reductionCents = reduced ? Math.max(1, lines.get(reductionLine).amountCents() * (10 + random.nextInt(31)) / 100) : 0;
        Resolution resolution = behaviour != Behaviour.NON_PAYER ? Resolution.NONE
                : Resolution.values()[random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(2)];
        return new DebtorPlan(debtorId, assessmentId, lines, behaviour, payDay, channel, reverses, stornoTerm,
                reductionLine, reductionCents, resolution, Participants.debtorIban(number));
    }

    private static Behaviour behaviour(SplittableRandom random, double directDebitShare) {
        if (random.nextDouble() < directDebitShare) {
            return Behaviour.DIRECT_DEBIT;
        }
        int draw = random.nextInt(100);
        if (draw < 70) {
            return Behaviour.PAYS_FULL;
        }
        if (draw < 76) {
            return Behaviour.PAYS_PART;
        }
        if (draw < 79) {
            return Behaviour.OVERPAYS;
        }
        if (draw < 89) {
            return Behaviour.PAYS_UNDIRECTED;
        }
        return draw < 90 ? Behaviour.UNMATCHED : Behaviour.NON_PAYER;
    }

    /** A combined bill: 1–4 lines of the debtor's municipality, the water board and the waste authority. */
    private static List<Line> lines(SplittableRandom random, int number, int taxYear) {
        String municipality = Participants.municipality(number);
        List<String[]> menu = new ArrayList<>(List.of(
                new String[] {municipality, "OZB"},
                new String[] {municipality, "RIOOLHEFFING"},
                new String[] {Participants.WATER_BOARD, random.nextBoolean() ? "WATERSYSTEEMHEFFING" : "ZUIVERINGSHEFFING"},
                new String[] {Participants.WASTE_AUTHORITY, "AFVALSTOFFENHEFFING"}));
        int count = 1 + random.nextInt(4);
        List<Line> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] pick = menu.remove(random.nextInt(menu.size()));
            // about one line in ten is a late assessment of an earlier tax year
            int year = random.nextInt(10) == 0 ? taxYear - 1 - random.nextInt(2) : taxYear;
            long amountCents = 5_000 + random.nextLong(80_000);
            lines.add(new Line("L" + (i + 1), pick[0], pick[1], year, amountCents));
        }
        return lines;
    }
}
