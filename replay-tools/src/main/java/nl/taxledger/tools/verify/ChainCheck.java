package nl.taxledger.tools.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The chain part of {@code verify} for another tool (restore) on its own connection and transaction. */
public final class ChainCheck {
    private ChainCheck() {}

    /** The findings as verify prints them; empty when both chains hold. Runs in the caller's transaction. */
    public static List<String> findings(Connection connection) throws SQLException {
        Findings findings = new Findings();
        LedgerChainVerifier.Origin origin =
                new LedgerChainVerifier(findings).verify(connection, List.of()).origin();
        new ChainVerifier(findings).verify(connection, origin.legacyThrough(), Instant.now(), Duration.ofMinutes(30));
        return findings.listed().stream()
                .map(f -> String.format("%-12s at %s: %s", f.kind(), f.where(), f.detail()))
                .toList();
    }
}
