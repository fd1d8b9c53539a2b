package nl.taxledger.service.asof;

import java.util.List;
import java.util.Locale;
import nl.taxledger.ledger.asof.AsOfFold;
import nl.taxledger.ledger.asof.CollectionRate;
import nl.taxledger.ledger.asof.DebtorPosition;
import nl.taxledger.ledger.asof.ManagementInfo;
import nl.taxledger.ledger.asof.ReconciliationCell;
import nl.taxledger.ledger.asof.TrialBalanceRow;
import nl.taxledger.service.asof.Table.Column;
import nl.taxledger.service.asof.Table.Kind;

/** The reports of a reference-date replay; each turns the fold into a sorted table. */
public enum AsOfReport {
    RECONCILIATION, DEBTORS, TRIAL_BALANCE, MANAGEMENT_INFO, COLLECTION_RATE;

    /** "trial-balance" → TRIAL_BALANCE; throws IllegalArgumentException for an unknown name. */
    public static AsOfReport parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Table table(AsOfFold fold) {
        return switch (this) {
            case RECONCILIATION -> reconciliation(fold.reconciliation());
            case DEBTORS -> debtors(fold.debtors());
            case TRIAL_BALANCE -> trialBalance(fold.trialBalance());
            case MANAGEMENT_INFO -> managementInfo(fold.managementInfo(), fold.suspenseCents());
            case COLLECTION_RATE -> collectionRate(fold.collectionRate());
        };
    }

    private static Column text(String name) {
        return new Column(name, Kind.TEXT);
    }

    private static Column amount(String name) {
        return new Column(name, Kind.AMOUNT);
    }

    private static Column count(String name) {
        return new Column(name, Kind.COUNT);
    }

    private static Table reconciliation(List<ReconciliationCell> cells) {
        Table table = new Table("reconciliation", List.of(text("participantId"), text("taxType"), count("taxYear"),
                amount("imposed"), amount("reductions"), amount("exemptions"), amount("annulments"),
                amount("remissions"), amount("uncollectible"), amount("received"), amount("outstanding")));
        for (ReconciliationCell c : cells) {
            table.row(c.participantId(), c.taxType(), (long) c.taxYear(), c.imposedCents(), c.reductionsCents(),
                    c.exemptionsCents(), c.annulmentsCents(), c.remissionsCents(), c.uncollectibleCents(),
                    c.receivedCents(), c.outstandingCents());
        }
        return table;
    }

    /** One row per assessment; a debtor with credit but no assessment gets a row with an empty assessmentId. */
    private static Table debtors(List<DebtorPosition> debtors) {
        Table table = new Table("debtors", List.of(text("debtorId"), amount("credit"), text("assessmentId"),
                amount("costs"), amount("interest"), amount("principal")));
        for (DebtorPosition d : debtors) {
            if (d.assessments().isEmpty()) {
                table.row(d.debtorId(), d.creditCents(), "", 0L, 0L, 0L);
            }
            for (DebtorPosition.AssessmentPosition a : d.assessments()) {
                table.row(d.debtorId(), d.creditCents(), a.assessmentId(), a.openCostsCents(), a.openInterestCents(),
                        a.openPrincipalCents());
            }
        }
        return table;
    }

    private static Table trialBalance(List<TrialBalanceRow> rows) {
        Table table = new Table("trial-balance", List.of(text("code"), text("account"), text("dimension"),
                amount("debit"), amount("credit"), amount("balance")));
        long debitCents = 0;
        long creditCents = 0;
        for (TrialBalanceRow r : rows) {
            table.row(r.account().code(), r.account().title(), r.dimension(), r.debitCents(), r.creditCents(), r.balanceCents());
            debitCents += r.debitCents();
            creditCents += r.creditCents();
        }
        if (debitCents != creditCents) {
            throw new IllegalStateException("trial balance does not balance: debit " + debitCents + ", credit " + creditCents);
        }
        return table.row("TOTAL", "", "", debitCents, creditCents, debitCents - creditCents);
    }

    private static Table managementInfo(List<ManagementInfo.Row> rows, long suspenseCents) {
        Table table = new Table("management-info", List.of(text("period"), text("measure"), count("count"),
                amount("amount")));
        for (ManagementInfo.Row r : rows) {
            if (r.measure().equals("SUSPENSE_OPEN") && r.amountCents() != suspenseCents) {
                // the open suspense items and the journal's suspense account are two sums of the same money
                throw new IllegalStateException("suspense items " + r.amountCents() + " differ from the suspense account "
                        + suspenseCents);
            }
            table.row(r.period(), r.measure(), r.count(), r.amountCents());
        }
        return table;
    }

    private static Table collectionRate(List<CollectionRate.Row> rows) {
        Table table = new Table("collection-rate", List.of(count("cohortYear"), count("months"),
                count("assessmentsMeasured"), count("assessmentsPending"), amount("collectable"), amount("collected"),
                new Column("ratePercent", Kind.PERCENT), new Column("targetPercent", Kind.PERCENT),
                new Column("targetMet", Kind.FLAG)));
        rows.forEach(r -> table.row((long) r.cohortYear(), (long) r.months(), r.assessmentsMeasured(),
                r.assessmentsPending(), r.collectableCents(), r.collectedCents(), r.ratePercent(), r.targetPercent(),
                r.targetMet()));
        return table;
    }
}
