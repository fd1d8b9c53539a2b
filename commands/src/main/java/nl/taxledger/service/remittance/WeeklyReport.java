package nl.taxledger.service.remittance;

import static nl.taxledger.service.remittance.StatementFiles.euros;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.taxledger.ledger.api.ReceiptTotal;
import nl.taxledger.ledger.api.RemittanceLine;
import nl.taxledger.ledger.remittance.TaxKey;

/**
 * "Gerealiseerde opbrengsten en uit te betalen voorschotten": per participant, tax type and tax year the receipts
 * of the run's remittance, the receipts booked since 1 January of the period end's year, the reserve held and what
 * is paid; then per participant the carry-forward and the amount of the credit transfer. Figures come from the
 * frozen remittances and the receipt movements: nothing is recomputed.
 */
final class WeeklyReport {
    static final String[] HEADER = {"periode t/m", "deelnemer", "naam", "belastingsoort", "belastingjaar",
            "ontvangsten periode", "ontvangsten lopend jaar", "reserve", "uit te betalen"};

    private WeeklyReport() {
    }

    static byte[] csv(LocalDate periodEnd, List<RemittanceQuery.Remittance> run, RemittanceQuery query) {
        return StatementFiles.Csv.write(HEADER, printer -> {
            for (RemittanceQuery.Remittance remittance : run) {
                String name = query.participant(remittance.participantId()).map(RemittanceQuery.ParticipantAccount::name).orElse("");
                Map<TaxKey, Long> yearToDate = new HashMap<>();
                for (ReceiptTotal total : query.receipts(remittance.participantId(), periodEnd.withDayOfYear(1), periodEnd)) {
                    yearToDate.put(new TaxKey(total.taxType(), total.taxYear()), total.cumulativeReceiptsCents());
                }
                for (RemittanceLine line : remittance.lines()) {
                    printer.printRecord(periodEnd, remittance.participantId(), name, line.taxType(), line.taxYear(),
                            euros(line.receiptsCents()),
                            euros(yearToDate.getOrDefault(new TaxKey(line.taxType(), line.taxYear()), 0L)),
                            euros(line.reserveHeldAfterCents()), euros(line.payableCents()));
                }
                printer.printRecord(periodEnd, remittance.participantId(), name, "tekort vorige afdracht", "", "", "", "",
                        euros(-remittance.carriedForwardInCents()));
                printer.printRecord(periodEnd, remittance.participantId(), name, "tekort naar volgende afdracht", "", "", "", "",
                        euros(remittance.carriedForwardOutCents()));
                printer.printRecord(periodEnd, remittance.participantId(), name, "totaal uit te betalen", "",
                        euros(remittance.receiptsCents()), "", "", euros(remittance.amountCents()));
            }
        });
    }
}
