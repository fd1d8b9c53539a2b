package nl.taxledger.service.remittance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.taxledger.ledger.api.RemittanceLine;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** A participant's statement as Dutch Excel reads it. */
class StatementFilesTest {
    private static final RemittanceQuery.Remittance REMITTANCE = new RemittanceQuery.Remittance(
            "GEM-C",
            LocalDate.of(2026, 11, 30),
            LocalDate.of(2026, 12, 6),
            List.of(
                    new RemittanceLine("OZB", 2022, 10_000, 0, 0, 0, 0),
                    new RemittanceLine("OZB", 2023, 20_000, 0, 100, 100, 0),
                    new RemittanceLine("OZB", 2026, 100_000, 0, 500, 500, 0)),
            130_000,
            600,
            0,
            0,
            129_400,
            0,
            LocalDate.of(2026, 12, 7));

    @Test
    void the_csv_is_utf8_with_a_byte_order_mark_semicolons_and_decimal_commas() {
        byte[] csv = StatementFiles.csv("Gemeente C", REMITTANCE, Optional.empty());

        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertThat(text.split("\r\n"))
                .contains(
                        "Gemeente C;2026-11-30;2026-12-06;OZB;2023;200,00;0,00;1,00;1,00;0,00;199,00",
                        "Gemeente C;2026-11-30;2026-12-06;uit te betalen;;;;;;;1294,00");
    }

    @Test
    void the_statement_ends_with_the_ledger_chains_head_at_issue() {
        String csv = new String(
                StatementFiles.csv(
                        "Gemeente C", REMITTANCE, Optional.of(new RemittanceQuery.ChainAnchor(42, "ab".repeat(32)))),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv).endsWith(";grootboekketen positie 42;" + "ab".repeat(32) + "\r\n");
    }

    @Test
    void the_xlsx_is_the_same_bytes_every_time_it_is_written() throws Exception {
        byte[] first = StatementFiles.xlsx("Gemeente C", REMITTANCE, Optional.empty());
        Thread.sleep(1100); // the creation time fastexcel stamps has whole seconds

        byte[] second = StatementFiles.xlsx("Gemeente C", REMITTANCE, Optional.empty());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void the_xlsx_holds_the_amounts_as_numbers() throws Exception {
        byte[] xlsx = StatementFiles.xlsx("Gemeente C", REMITTANCE, Optional.empty());

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(5)).isEqualTo("ontvangsten");
            assertThat(rows.get(3).getCellAsNumber(5)).contains(new BigDecimal("1000.00"));
            assertThat(rows.get(rows.size() - 1).getCellAsNumber(10)).contains(new BigDecimal("1294.00"));
        }
    }
}
