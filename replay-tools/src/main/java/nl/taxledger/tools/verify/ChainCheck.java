package nl.taxledger.tools.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import nl.taxledger.service.hashchain.ChainVerification;
import nl.taxledger.service.hashchain.Findings;

/** The chain part of {@code verify} for another tool (restore) on its own connection and transaction. */
public final class ChainCheck {
    private ChainCheck() {}

    /** The findings as verify prints them; empty when both chains hold. Runs in the caller's transaction. */
    public static List<String> findings(Connection connection) throws SQLException {
        Findings findings = ChainVerification.verify(
                        connection, List.of(), Instant.now(), ChainVerification.PENDING_WINDOW, new Findings())
                .findings();
        return findings.listed().stream()
                .map(f -> String.format("%-12s at %s: %s", f.kind(), f.where(), f.detail()))
                .toList();
    }
}
