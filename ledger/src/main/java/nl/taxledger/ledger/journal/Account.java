package nl.taxledger.ledger.journal;

/**
 * The chart of accounts of the collector's journal (docs/chart-of-accounts.md). Amounts in a
 * journal line are signed: debit positive, credit negative, so every entry sums to zero.
 * {@link Dimension} says what an account is kept per in the trial balance.
 */
public enum Account {
    BANK("1000", "Bank", Dimension.NONE),
    RECEIVABLE("1100", "Vorderingen belastingen (hoofdsom)", Dimension.CELL),
    COSTS_RECEIVABLE("1200", "Vorderingen kosten", Dimension.NONE),
    INTEREST_RECEIVABLE("1210", "Vorderingen invorderingsrente", Dimension.NONE),
    SUSPENSE("2000", "Tussenrekening onbekende betalingen", Dimension.NONE),
    DEBTOR_CREDIT("2100", "Tegoeden belastingschuldigen", Dimension.NONE),
    PAYABLE("2200", "Af te dragen aan deelnemers", Dimension.PARTICIPANT),
    RESERVE("2300", "Reserve deelnemers (ingehouden)", Dimension.PARTICIPANT),
    IMPOSED("3000", "Opgelegd", Dimension.CELL),
    REDUCTIONS("3100", "Verminderingen", Dimension.CELL),
    EXEMPTIONS("3110", "Ontheffingen", Dimension.CELL),
    ANNULMENTS("3120", "Vernietigingen", Dimension.CELL),
    REMISSION("3200", "Kwijtscheldingen hoofdsom", Dimension.CELL),
    WRITE_OFF("3300", "Oninbaar verklaard (netto)", Dimension.CELL),
    RECEIVED("3400", "Ontvangen hoofdsom (netto), overgeboekt naar af te dragen", Dimension.CELL),
    COST_INCOME("4000", "Opbrengst kosten", Dimension.NONE),
    INTEREST_INCOME("4100", "Opbrengst invorderingsrente", Dimension.NONE),
    REMISSION_COSTS_INTEREST("4200", "Kwijtschelding kosten en rente", Dimension.NONE);

    /** What an account's balance is broken down by. */
    public enum Dimension {
        NONE, PARTICIPANT, CELL
    }

    private final String code;
    private final String title;
    private final Dimension dimension;

    Account(String code, String title, Dimension dimension) {
        this.code = code;
        this.title = title;
        this.dimension = dimension;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Dimension dimension() {
        return dimension;
    }
}
