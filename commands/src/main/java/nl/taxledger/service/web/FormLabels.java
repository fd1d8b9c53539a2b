package nl.taxledger.service.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.taxledger.ledger.api.Component;
import nl.taxledger.ledger.api.ReductionKind;

/** Dutch words for the command forms: titles, field labels, hints; typed Dutch amounts and dates to the API's. */
final class FormLabels {
    /** The forms of the menu, in the order a clerk needs them. */
    static final Map<String, String> MENU = new LinkedHashMap<>();

    static {
        MENU.put("ReceivePayment", "Betaling boeken");
        MENU.put("ReduceAssessment", "Vermindering");
        MENU.put("GrantRemission", "Kwijtschelding");
        MENU.put("ReversePayment", "Storno (betaling terugdraaien)");
        MENU.put("AssignUnmatchedPayment", "Betaling uit suspense toewijzen");
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

    private static final Map<String, String> TITLES = Map.of(
            "ApproveRemittanceRun", "Afdrachtrun goedkeuren",
            "ApproveRefunds", "Terugbetalingen goedkeuren",
            "RequestParticipantIbanChange", "IBAN-wijziging deelnemer aanvragen",
            "ApproveParticipantIbanChange", "IBAN-wijziging deelnemer goedkeuren");

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
            Map.entry("explanation", "Uitleg"));

    private FormLabels() {}

    static String title(String type) {
        return MENU.getOrDefault(type, TITLES.getOrDefault(type, type));
    }

    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    static String hint(String field) {
        if (isDate(field)) {
            return "dd-mm-jjjj" + (field.equals("bookingDate") ? "; leeg: vandaag" : "");
        }
        return switch (field) {
            case "amount" -> "bijvoorbeeld 1.234,56";
            case "kind" -> "een van: " + names(ReductionKind.values());
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

    /** What the API expects: amounts as decimals with a point, dates ISO; everything else as typed. */
    static String toApi(String field, String typed) {
        if (field.equals("amount")) {
            return DutchFormat.decimalAmount(typed);
        }
        return isDate(field) ? DutchFormat.isoDate(typed) : typed;
    }

    private static boolean isDate(String field) {
        return field.endsWith("Date") || field.equals("periodEnd") || field.equals("date");
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
