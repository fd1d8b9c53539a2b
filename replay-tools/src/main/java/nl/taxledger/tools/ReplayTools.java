package nl.taxledger.tools;

import nl.taxledger.tools.audit.AuditCommand;
import nl.taxledger.tools.scenario.ScenarioCommand;
import nl.taxledger.tools.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the command-line tools: {@code java -jar replay-tools.jar <command>}. */
@Command(
        name = "replay-tools",
        mixinStandardHelpOptions = true,
        subcommands = {
            ScenarioCommand.class,
            nl.taxledger.tools.asof.AsOfCommand.class,
            VerifyCommand.class,
            AuditCommand.class,
            nl.taxledger.tools.bench.BenchCommand.class,
            nl.taxledger.tools.backup.ExportCommand.class,
            nl.taxledger.tools.backup.RestoreCommand.class,
            nl.taxledger.tools.bank.BankCommand.class
        },
        description = "Command-line tools of the tax receivables ledger")
public final class ReplayTools {
    public static void main(String[] args) {
        nl.taxledger.service.LedgerApplication.disableAxonUpdateChecker();
        System.exit(new CommandLine(new ReplayTools()).execute(args));
    }
}
