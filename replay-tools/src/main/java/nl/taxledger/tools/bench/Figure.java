package nl.taxledger.tools.bench;

import java.util.Locale;

/**
 * One measured figure next to its raw PostgreSQL baseline of the same run. For a rate the ratio is
 * figure ÷ baseline (the share of the raw limit reached); for a latency it is figure ÷ baseline (times slower).
 */
record Figure(String id, String what, double value, String unit, String baselineWhat, double baseline, String target,
              Boolean met) {

    double ratio() {
        return baseline > 0 ? value / baseline : Double.NaN;
    }

    boolean produced() {
        return Double.isFinite(value) && value > 0;
    }

    String markdownRow() {
        String metText = met == null ? "–" : met ? "met" : "missed";
        return "| " + id + " | " + what + " | " + number(value) + " " + unit + " | " + baselineWhat + " = "
                + number(baseline) + " | " + String.format(Locale.ROOT, "%.3f", ratio()) + " | " + target + " | " + metText + " |";
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
