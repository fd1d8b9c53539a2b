package nl.taxledger.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.taxledger.ledger.asof.CollectionRate;
import org.junit.jupiter.api.Test;

class CollectionRateChartTest {
    private static final Pattern NORM_Y = Pattern.compile("class=\"norm\" x1=\"[\\d.]+\" y1=\"([\\d.]+)\"");

    private static CollectionRate.Row row(int cohort, int months, String rate, String target) {
        return new CollectionRate.Row(
                cohort,
                months,
                10,
                0,
                100_000,
                0,
                new BigDecimal(rate),
                new BigDecimal(target),
                new BigDecimal(rate).compareTo(new BigDecimal(target)) >= 0);
    }

    @Test
    void one_line_per_cohort_and_a_norm_line_per_horizon() {
        String svg = CollectionRateChart.svg(
                List.of(row(2025, 12, "96.0", "95"), row(2025, 24, "99.2", "99"), row(2026, 12, "93.0", "95")));

        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("role=\"img\"");
        assertThat(count(svg, "class=\"cohort\"")).isEqualTo(2);
        assertThat(count(svg, "class=\"norm\"")).isEqualTo(3);
        assertThat(svg).contains("data-cohort=\"2025\"").contains("data-cohort=\"2026\"");
    }

    @Test
    void a_rate_on_its_target_is_drawn_at_the_height_of_the_norm_line() {
        String svg = CollectionRateChart.svg(List.of(row(2025, 12, "95", "95")));
        Matcher norm = NORM_Y.matcher(svg);
        assertThat(norm.find()).isTrue();

        assertThat(svg).contains("cy=\"" + norm.group(1) + "\"");
    }

    @Test
    void a_low_rate_lowers_the_axis_instead_of_sitting_on_the_floor() {
        String svg = CollectionRateChart.svg(List.of(row(2026, 12, "12.34", "95")));

        // the axis starts at 10%, so 12.34% sits just above the bottom line (y 280) instead of on it
        assertThat(svg).contains(">10%</text>").contains("<circle cx=\"136.7\" cy=\"273.2\"");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
