package nl.taxledger.service.remittance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import nl.taxledger.ledger.api.RemittanceLine;
import nl.taxledger.ledger.money.Money;
import nl.taxledger.service.asof.ReportWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A participant's remittance statement (afdrachtspecificatie) per tax type and tax year: receipts, reserve
 * movements and the amount. CSV is ';'-separated UTF-8 with a byte order mark and decimal commas, which is what
 * Dutch Excel opens without an import wizard; XLSX carries the amounts as numbers.
 */
final class StatementFiles {
    static final String[] HEADER = {
        "deelnemer",
        "periode van",
        "periode t/m",
        "belastingsoort",
        "belastingjaar",
        "ontvangsten",
        "reserve voor",
        "reserve na",
        "reserve ingehouden",
        "reserve vrijgevallen",
        "af te dragen"
    };
    /** Dutch Excel: ';' between fields, CRLF between records. */
    static final CSVFormat DUTCH_EXCEL = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .get();

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private StatementFiles() {}

    static byte[] csv(
            String participantName,
            RemittanceQuery.Remittance remittance,
            Optional<RemittanceQuery.ChainAnchor> anchor) {
        return Csv.write(HEADER, printer -> {
            for (RemittanceLine line : remittance.lines()) {
                printer.printRecord(lineCells(participantName, remittance, line));
            }
            for (Object[] total : totals(participantName, remittance)) {
                printer.printRecord(total);
            }
            for (Object[] row : anchorRow(participantName, remittance, anchor)) {
                printer.printRecord(row);
            }
        });
    }

    /**
     * The ledger chain's head at issue, so the participant holds an anchor outside the collector's database:
     * {@code replay-tools verify --anchor} with {@code {"position":P,"hash":"H"}} checks the ledger still has it.
     */
    private static List<Object[]> anchorRow(
            String participantName, RemittanceQuery.Remittance r, Optional<RemittanceQuery.ChainAnchor> anchor) {
        return anchor.map(a -> List.<Object[]>of(new Object[] {
                    participantName,
                    r.periodStart().toString(),
                    r.periodEnd().toString(),
                    "grootboekketen positie " + a.position(),
                    a.hash()
                }))
                .orElse(List.of());
    }

    static byte[] xlsx(
            String participantName,
            RemittanceQuery.Remittance remittance,
            Optional<RemittanceQuery.ChainAnchor> anchor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream normalised = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "tax-ledger", "1.0");
            Worksheet sheet = workbook.newWorksheet("Afdracht " + remittance.periodEnd());
            for (int column = 0; column < HEADER.length; column++) {
                sheet.value(0, column, HEADER[column]);
                sheet.style(0, column).bold().set();
            }
            int row = 1;
            for (RemittanceLine line : remittance.lines()) {
                row = xlsxRow(sheet, row, lineCells(participantName, remittance, line));
            }
            for (Object[] total : totals(participantName, remittance)) {
                row = xlsxRow(sheet, row, total);
            }
            for (Object[] anchorCells : anchorRow(participantName, remittance, anchor)) {
                row = xlsxRow(sheet, row, anchorCells);
            }
            workbook.finish();
            // without it the file carries the time of the download: not the same bytes twice, nor after a restore
            ReportWriter.normalise(out.toByteArray(), remittance.periodEnd(), normalised);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return normalised.toByteArray();
    }

    private static int xlsxRow(Worksheet sheet, int row, Object[] cells) {
        for (int column = 0; column < cells.length; column++) {
            Object cell = cells[column];
            if (cell instanceof String text && column >= 5 && !text.isEmpty()) {
                sheet.value(row, column, new BigDecimal(text.replace(',', '.')));
                sheet.style(row, column).format("#,##0.00").set();
            } else if (cell instanceof Integer year) {
                sheet.value(row, column, year);
            } else {
                sheet.value(row, column, cell == null ? "" : cell.toString());
            }
        }
        return row + 1;
    }

    private static Object[] lineCells(String participantName, RemittanceQuery.Remittance r, RemittanceLine line) {
        return new Object[] {
            participantName,
            r.periodStart().toString(),
            r.periodEnd().toString(),
            line.taxType(),
            line.taxYear(),
            euros(line.receiptsCents()),
            euros(line.reserveHeldBeforeCents()),
            euros(line.reserveHeldAfterCents()),
            euros(line.reserveWithheldCents()),
            euros(line.reserveReleasedCents()),
            euros(line.payableCents())
        };
    }

    /** Totals, the shortfall set off from the previous remittance, the amount paid and the shortfall carried on. */
    private static List<Object[]> totals(String participantName, RemittanceQuery.Remittance r) {
        String from = r.periodStart().toString();
        String through = r.periodEnd().toString();
        return List.of(
                new Object[] {
                    participantName,
                    from,
                    through,
                    "totaal",
                    "",
                    euros(r.receiptsCents()),
                    "",
                    "",
                    euros(r.reserveWithheldCents()),
                    euros(r.reserveReleasedCents()),
                    euros(r.receiptsCents() - r.reserveWithheldCents() + r.reserveReleasedCents())
                },
                new Object[] {
                    participantName,
                    from,
                    through,
                    "tekort vorige afdracht",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    euros(-r.carriedForwardInCents())
                },
                new Object[] {
                    participantName,
                    from,
                    through,
                    "tekort naar volgende afdracht",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    euros(r.carriedForwardOutCents())
                },
                new Object[] {
                    participantName, from, through, "uit te betalen", "", "", "", "", "", "", euros(r.amountCents())
                });
    }

    /** 1234.5 euro as "1234,50": decimal comma, no thousands separator, so Dutch Excel reads a number. */
    static String euros(long cents) {
        return Money.format(cents).replace('.', ',');
    }

    /** Writes a BOM, the header and the records a body prints. */
    static final class Csv {
        interface Body {
            void print(CSVPrinter printer) throws IOException;
        }

        static byte[] write(String[] header, Body body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, DUTCH_EXCEL)) {
                writer.write(BYTE_ORDER_MARK);
                printer.printRecord((Object[]) header);
                body.print(printer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
