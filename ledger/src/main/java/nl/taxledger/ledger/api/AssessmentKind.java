package nl.taxledger.ledger.api;

/** What an assessment is: a tax assessment (aanslag), or an administrative fine that belongs to one. */
public enum AssessmentKind {
    /** A tax assessment; the default, and what every assessment imposed before kinds existed is. */
    AANSLAG,
    /**
     * A bestuurlijke boete belonging to a tax assessment of the same debtor: while it is under deferral, money is
     * settled on that assessment first (domain.md §4, Leidraad 4.5).
     */
    BESTUURLIJKE_BOETE
}
