package nl.taxledger.service.web;

import java.util.Map;
import nl.taxledger.service.asof.AsOfReport;

/** Dutch titles and column headers of the reference-date reports. */
final class ReportWords {
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("participantId", "Deelnemer"),
            Map.entry("taxType", "Belastingsoort"),
            Map.entry("taxYear", "Belastingjaar"),
            Map.entry("imposed", "Opgelegd"),
            Map.entry("reductions", "Verminderingen"),
            Map.entry("exemptions", "Vrijstellingen"),
            Map.entry("annulments", "Vernietigingen"),
            Map.entry("remissions", "Kwijtscheldingen"),
            Map.entry("uncollectible", "Oninbaar"),
            Map.entry("received", "Ontvangen"),
            Map.entry("outstanding", "Openstaand"),
            Map.entry("debtorId", "Subjectnummer"),
            Map.entry("credit", "Tegoed"),
            Map.entry("assessmentId", "Aanslag"),
            Map.entry("costs", "Kosten"),
            Map.entry("interest", "Rente"),
            Map.entry("principal", "Hoofdsom"),
            Map.entry("code", "Code"),
            Map.entry("account", "Rekening"),
            Map.entry("dimension", "Dimensie"),
            Map.entry("debit", "Debet"),
            Map.entry("balance", "Saldo"),
            Map.entry("period", "Periode"),
            Map.entry("measure", "Maatstaf"),
            Map.entry("count", "Aantal"),
            Map.entry("amount", "Bedrag"),
            Map.entry("cohortYear", "Cohort"),
            Map.entry("months", "Maanden"),
            Map.entry("assessmentsMeasured", "Aanslagen gemeten"),
            Map.entry("assessmentsPending", "Aanslagen nog niet meetbaar"),
            Map.entry("collectable", "Invorderbaar"),
            Map.entry("collected", "Ingevorderd"),
            Map.entry("ratePercent", "Invorderingspercentage"),
            Map.entry("targetPercent", "Norm"),
            Map.entry("targetMet", "Norm gehaald"),
            Map.entry("position", "Volgnummer"),
            Map.entry("fact", "Feit"),
            Map.entry("effectiveDate", "Effectieve datum"),
            Map.entry("bookingDate", "Boekdatum"));

    private ReportWords() {}

    static String title(AsOfReport report) {
        return switch (report) {
            case RECONCILIATION -> "Aansluiting per deelnemer, belastingsoort en belastingjaar";
            case DEBTORS -> "Debiteurenstand";
            case TRIAL_BALANCE -> "Proefbalans";
            case MANAGEMENT_INFO -> "Managementinformatie";
            case COLLECTION_RATE -> "Invorderingspercentage per cohort";
        };
    }

    static String column(String name) {
        return COLUMNS.getOrDefault(name, name);
    }
}
