package nl.taxledger.service.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.taxledger.ledger.asof.CollectionRate;

/**
 * The collection rate per cohort at 12, 24 and 36 months against the targets (95, 99, 99.5%) as inline SVG,
 * drawn on the server: no chart library, no script. The y axis runs from 80% (or, when a rate lies lower, the
 * ten below it) to 100%; the table beside it on the page is the text alternative.
 */
final class CollectionRateChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 120;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;
    private static final double HIGHEST_FLOOR_PERCENT = 80.0;
    private static final int[] MONTHS = {12, 24, 36};
    private static final Map<Integer, String> TARGETS = Map.of(12, "95", 24, "99", 36, "99.5");
    /** Colours with at least 3:1 contrast against white (WCAG 1.4.11), cycled per cohort. */
    private static final String[] COLOURS = {"#01689b", "#8b4a00", "#39870c", "#a90061", "#42145f", "#154273"};

    /** The percentage at the bottom of the y axis. */
    private final double floorPercent;

    private CollectionRateChart(double floorPercent) {
        this.floorPercent = floorPercent;
    }

    static String svg(List<CollectionRate.Row> rows) {
        double lowest = rows.stream()
                .filter(row -> row.ratePercent() != null)
                .mapToDouble(row -> row.ratePercent().doubleValue())
                .min()
                .orElse(100.0);
        double floor = Math.max(0.0, Math.min(HIGHEST_FLOOR_PERCENT, Math.floor(lowest / 10.0) * 10.0));
        return new CollectionRateChart(floor).draw(rows);
    }

    private String draw(List<CollectionRate.Row> rows) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"grafiek\" role=\"img\" aria-labelledby=\"")
                .append("grafiek-titel\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\">")
                .append("<title id=\"grafiek-titel\">Invorderingspercentage per cohort na 12, 24 en 36 maanden,")
                .append(" met de normen 95, 99 en 99,5 procent</title>");
        axes(svg);
        targets(svg);
        Map<Integer, Map<Integer, BigDecimal>> cohorts = new TreeMap<>();
        for (CollectionRate.Row row : rows) {
            if (row.ratePercent() != null) {
                cohorts.computeIfAbsent(row.cohortYear(), year -> new TreeMap<>())
                        .put(row.months(), row.ratePercent());
            }
        }
        int index = 0;
        for (Map.Entry<Integer, Map<Integer, BigDecimal>> cohort : cohorts.entrySet()) {
            line(svg, cohort.getKey(), cohort.getValue(), COLOURS[index % COLOURS.length], index);
            index++;
        }
        return svg.append("</svg>").toString();
    }

    private void axes(StringBuilder svg) {
        double step = floorPercent >= HIGHEST_FLOOR_PERCENT ? 5.0 : 10.0;
        for (double percent = floorPercent; percent <= 100.0; percent += step) {
            double y = y(percent);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\"/>",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"12\">" + "%d%%</text>",
                    LEFT - 6,
                    y + 4,
                    (int) percent));
        }
        for (int months : MONTHS) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">" + "%d maanden</text>",
                    x(months),
                    HEIGHT - BOTTOM + 20,
                    months));
        }
    }

    private void targets(StringBuilder svg) {
        for (int months : MONTHS) {
            double y = y(Double.parseDouble(TARGETS.get(months)));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"norm\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                            + " stroke=\"#d52b1e\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
                    x(months) - 30,
                    y,
                    x(months) + 30,
                    y));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#a3231a\">" + "norm %s%%</text>",
                    x(months) + 32,
                    y + 4,
                    TARGETS.get(months).replace('.', ',')));
        }
    }

    private void line(StringBuilder svg, int cohortYear, Map<Integer, BigDecimal> rates, String colour, int index) {
        StringBuilder points = new StringBuilder();
        for (Map.Entry<Integer, BigDecimal> rate : rates.entrySet()) {
            double x = x(rate.getKey());
            double y = y(rate.getValue().doubleValue());
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(
                    String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", x, y, colour));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<polyline class=\"cohort\" data-cohort=\"%d\" points=\"%s\""
                        + " fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>",
                cohortYear,
                points.toString().trim(),
                colour));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">cohort %d</text>",
                WIDTH - RIGHT + 50,
                TOP + 16 * (index + 1),
                colour,
                cohortYear));
    }

    private static double x(int months) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (months - 6) / 36.0;
    }

    /** Percent to pixels: 100% at the top, the floor on the bottom line. */
    private double y(double percent) {
        double clamped = Math.max(floorPercent, Math.min(100.0, percent));
        return TOP + (HEIGHT - TOP - BOTTOM) * (100.0 - clamped) / (100.0 - floorPercent);
    }
}
