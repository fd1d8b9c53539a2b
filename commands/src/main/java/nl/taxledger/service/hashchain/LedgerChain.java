package nl.taxledger.service.hashchain;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger chain as the running service sees it: its head (what an anchor records) and whether it still chains.
 * The links themselves are written by PostgreSQL triggers in the appending transaction (V70), not by this class.
 */
@Component
public class LedgerChain {
    /** The triggers that chain each table's rows at commit (V70). */
    static final List<String> TRIGGERS = List.of("ledger_chain_event", "ledger_chain_snapshot", "ledger_chain_command");

    private final JdbcTemplate jdbc;

    LedgerChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last link: its position (1 = the origin) and hash, and the id of the ledger (from the origin link). */
    public record Head(long position, String hash, String ledgerId) {}

    /**
     * {@code chaining} false when the chain has stopped: a chain trigger is missing or disabled, or the newest event
     * row has no link (it was committed while the triggers were off). {@code problem} says which, else null.
     */
    public record Status(boolean chaining, Head head, String problem) {}

    /** The committed head (one indexed row). */
    public Head head() {
        return jdbc.queryForObject(
                "SELECT h.position, h.hash, split_part(o.row_key, ':', 1) FROM ledger_chain_head h"
                        + " JOIN ledger_chain o ON o.position = 1 WHERE h.id = 1",
                (row, n) -> new Head(row.getLong(1), row.getString(2), row.getString(3)));
    }

    /** Cheap enough for a health check: a catalogue lookup and two index lookups. */
    public Status status() {
        Head head = head();
        Integer enabled = jdbc.queryForObject(
                "SELECT count(*) FROM pg_trigger WHERE tgname = ANY (?) AND tgenabled <> 'D'", Integer.class, (Object)
                        TRIGGERS.toArray(String[]::new));
        if (enabled == null || enabled != TRIGGERS.size()) {
            return new Status(
                    false,
                    head,
                    "a ledger chain trigger is missing or disabled (" + enabled + " of " + TRIGGERS.size()
                            + " active)");
        }
        List<Long> unchained = jdbc.queryForList("""
                SELECT e.globalindex FROM (SELECT globalindex FROM domainevententry ORDER BY globalindex DESC LIMIT 1) e
                WHERE e.globalindex > (SELECT split_part(row_key, ':', 2)::bigint FROM ledger_chain WHERE position = 1)
                  AND NOT EXISTS (SELECT 1 FROM ledger_chain c WHERE c.source = 'EVENT'
                                  AND c.row_key = e.globalindex::text)""", Long.class);
        if (!unchained.isEmpty()) {
            return new Status(false, head, "the newest event (global index " + unchained.get(0) + ") has no link");
        }
        return new Status(true, head, null);
    }
}
