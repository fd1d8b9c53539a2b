package nl.taxledger.tools.bank;

import picocli.CommandLine.Command;

/** {@code replay-tools bank ...}: the collector's bank files, sent to a running service. */
@Command(
        name = "bank",
        mixinStandardHelpOptions = true,
        subcommands = {BankImportCommand.class},
        description = "Bank files (camt.053/054 statements, pain.002 status reports) to a running service")
public final class BankCommand {}
