package nl.taxledger.service.lookup;

import java.util.List;

/**
 * A command-side lookup that is filled from events alone (no other writer, no data from outside the event store),
 * and so can be emptied and filled again by replaying every event through its handlers ({@link LookupRebuild}).
 * A lookup added to a ledger that already has history must be one: its table starts empty on that ledger.
 */
public interface RebuildableLookup {
    /** Its tables, in an order that can be emptied one by one (a table referring to another comes first). */
    List<String> tables();
}
