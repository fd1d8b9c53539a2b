package nl.taxledger.service.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.taxledger.ledger.api.ArrangementOutcome;
import nl.taxledger.ledger.api.AssessmentKind;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.DeferralKind;
import nl.taxledger.ledger.api.ReductionKind;

/** Dutch words for the command forms: titles, field labels, hints; typed Dutch amounts and dates to the API's. */
final class FormLabels {
    /** The forms of the menu, in the order a clerk needs them. */
    static final Map<String, String> MENU = new LinkedHashMap<>();

    static {
        MENU.put("ReceivePayment", "Betaling boeken");
        MENU.put("ImposeAssessment", "Aanslag opleggen");
        MENU.put("ReduceAssessment", "Vermindering");
        MENU.put("GrantRemission", "Kwijtschelding");
        MENU.put("ReversePayment", "Storno (betaling terugdraaien)");
        MENU.put("AssignUnmatchedPayment", "Betaling uit suspense toewijzen");
        MENU.put("AgreePaymentArrangement", "Betalingsregeling afspreken");
        MENU.put("PayRefund", "Terugbetaling");
        MENU.put("IssueRemittance", "Afdracht aanmaken");
        MENU.put("RegisterDirectDebitMandate", "Machtiging automatische incasso registreren");
        MENU.put("EndDirectDebitMandate", "Machtiging automatische incasso beëindigen");
        MENU.put("PrepareDirectDebitRun", "Incassorun klaarzetten");
    }

    /**
     * Refusals that name no field but are about one input of the form: shown beside it too. Used only when the form
     * has that field.
     */
    private static final Map<String, String> FIELD_OF_CODE = Map.of(
            "RUN_ALREADY_ISSUED", "collectionDate",
            "UNKNOWN_DEBTOR", "debtorId");

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("ApproveRemittanceRun", "Afdrachtrun goedkeuren"),
            Map.entry("ApproveRefunds", "Terugbetalingen goedkeuren"),
            Map.entry("RequestParticipantIbanChange", "IBAN-wijziging deelnemer aanvragen"),
            Map.entry("ApproveParticipantIbanChange", "IBAN-wijziging deelnemer goedkeuren"),
            Map.entry("RegisterParticipant", "Deelnemer registreren"),
            Map.entry("ClosePeriod", "Periode afsluiten"),
            Map.entry("ChargeCosts", "Kosten in rekening brengen"),
            Map.entry("CancelCosts", "Kosten vernietigen"),
            Map.entry("ChargeInterest", "Invorderingsrente in rekening brengen"),
            Map.entry("CancelInterest", "Invorderingsrente vernietigen"),
            Map.entry("WriteOffUncollectible", "Oninbaar verklaren"),
            Map.entry("ReinstateUncollectible", "Oninbaarverklaring terugdraaien"),
            Map.entry("OffsetCredit", "Tegoed verrekenen"),
            Map.entry("GrantDeferral", "Uitstel van betaling verlenen"),
            Map.entry("EndDeferral", "Uitstel van betaling beëindigen"),
            Map.entry("RecordArrangementTermMissed", "Gemiste termijn van een regeling vastleggen"),
            Map.entry("EndPaymentArrangement", "Betalingsregeling beëindigen"),
            Map.entry("RecordDirectDebitFailure", "Mislukte incasso vastleggen"),
            Map.entry("ChangeRemittancePolicy", "Afdrachtbeleid wijzigen"),
            Map.entry("RegisterBankAccount", "Eigen bankrekening registreren"));

    /** A list's row, as its legend names it ("Aanslagregel 2"). */
    private static final Map<String, String> ROW = Map.of(
            "lines", "Aanslagregel",
            "terms", "Termijn",
            "assessmentIds", "Aanslag");

    /** A list's legend. */
    private static final Map<String, String> LIST = Map.of(
            "lines", "Aanslagregels",
            "terms", "Termijnen",
            "assessmentIds", "Aanslagen onder de regeling");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("paymentId", "Betalings-id"),
            Map.entry("amount", "Bedrag in euro"),
            Map.entry("valueDate", "Valutadatum"),
            Map.entry("reference", "Betalingskenmerk of aanslagnummer"),
            Map.entry("debtorId", "Subjectnummer"),
            Map.entry("counterpartyIban", "IBAN tegenrekening"),
            Map.entry("channel", "Kanaal"),
            Map.entry("bookingDate", "Boekdatum"),
            Map.entry("assessmentId", "Aanslagnummer"),
            Map.entry("lineId", "Aanslagregel"),
            Map.entry("kind", "Soort"),
            Map.entry("decisionDate", "Besluitdatum"),
            Map.entry("reason", "Reden"),
            Map.entry("component", "Onderdeel"),
            Map.entry("reasonCode", "Redencode"),
            Map.entry("periodEnd", "Einde periode"),
            Map.entry("participantId", "Deelnemer"),
            Map.entry("iban", "IBAN"),
            Map.entry("collectionDate", "Incassodatum"),
            Map.entry("mandateId", "Machtigingskenmerk"),
            Map.entry("signedDate", "Datum van ondertekening"),
            Map.entry("date", "Datum"),
            Map.entry("explanation", "Uitleg"),
            Map.entry("issueDate", "Dagtekening"),
            Map.entry("dueDate", "Vervaldatum"),
            Map.entry("paymentReference", "Betalingskenmerk (leeg: het aanslagnummer)"),
            Map.entry("belongsToAssessmentId", "Hoort bij aanslag (alleen bij een bestuurlijke boete)"),
            Map.entry("taxType", "Belastingsoort"),
            Map.entry("taxYear", "Belastingjaar"),
            Map.entry("arrangementId", "Regelingsnummer"),
            Map.entry("assessmentIds", "Aanslagnummer"),
            Map.entry("agreedDate", "Datum van de afspraak"),
            Map.entry("termDueDate", "Vervaldatum van de termijn"),
            Map.entry("outcome", "Uitkomst"),
            Map.entry("deferralId", "Uitstelnummer"),
            Map.entry("from", "Vanaf"),
            Map.entry("until", "Tot en met"),
            Map.entry("costId", "Kostennummer"),
            Map.entry("interestId", "Rentenummer"),
            Map.entry("through", "Gesloten tot en met"),
            Map.entry("name", "Naam"),
            Map.entry("schedule", "Afdrachtschema"),
            Map.entry("reserveRate", "Reservepercentage (als breuk, 0.005 = 0,5%)"),
            Map.entry("reserveYears", "Reservejaren"),
            Map.entry("effectiveFrom", "Ingangsdatum"),
            Map.entry("purpose", "Doel"),
            Map.entry("endToEndId", "End-to-end-id"));

    private FormLabels() {}

    static String title(String type) {
        return MENU.getOrDefault(type, TITLES.getOrDefault(type, type));
    }

    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    /** The label of a field inside a list's row: the row's legend already says which line it is. */
    static String rowLabel(String field) {
        return field.equals("lineId") ? "Regelnummer" : label(field);
    }

    static String listLegend(String list) {
        return LIST.getOrDefault(list, list);
    }

    /** The legend of a row of {@code list}, numbered by the caller ("Aanslagregel" 2). */
    static String rowLegend(String list) {
        return ROW.getOrDefault(list, list);
    }

    /** The hint of {@code field} on the form of {@code type}: a {@code kind} is another list in each command. */
    static String hint(String type, String field) {
        if (field.equals("kind")) {
            return switch (type) {
                case "ImposeAssessment" -> "een van: " + names(AssessmentKind.values()) + "; leeg: AANSLAG";
                case "GrantDeferral" -> "een van: " + names(DeferralKind.values());
                case "ReduceAssessment" -> "een van: " + names(ReductionKind.values());
                default -> "";
            };
        }
        return switch (field) {
            case "outcome" -> "een van: " + names(ArrangementOutcome.values());
            case "taxYear" -> "bijvoorbeeld 2026";
            default -> hint(field);
        };
    }

    static String hint(String field) {
        if (isDate(field)) {
            return "dd-mm-jjjj" + (field.equals("bookingDate") ? "; leeg: vandaag" : "");
        }
        return switch (field) {
            case "amount" -> "bijvoorbeeld 1.234,56; ten hoogste twee decimalen";
            case "component" -> "een van: " + names(Component.values());
            case "collectionDate" -> "dd-mm-jjjj; de laatste TARGET2-werkdag van een maand";
            case "explanation" -> "reden REVOKED (door de debiteur) of ENDED_BY_COLLECTOR: dan verplicht";
            case "iban", "counterpartyIban" -> "bijvoorbeeld NL91ABNA0417164300";
            default -> "";
        };
    }

    /** The field a refusal is shown beside: the one it names, else the one its code is about, if the form has it. */
    static String fieldOf(String code, String namedField, List<String> formFields) {
        if (namedField != null) {
            return namedField;
        }
        String about = FIELD_OF_CODE.get(code);
        return about != null && formFields.contains(about) ? about : null;
    }

    /** What the API expects of a typed date: ISO; everything else as typed (amounts: {@link FormValues}). */
    static String toApi(String field, String typed) {
        return isDate(field) ? DutchFormat.isoDate(typed) : typed;
    }

    private static boolean isDate(String field) {
        return field.endsWith("Date")
                || Set.of("periodEnd", "date", "through", "from", "until", "effectiveFrom")
                        .contains(field);
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
