package nl.taxledger.tools.scenario;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code replay-tools scenario run <file-or-dir>...} */
@Command(name = "scenario", description = "Executable scenario files", subcommands = ScenarioCommand.Run.class,
        mixinStandardHelpOptions = true)
public final class ScenarioCommand {

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run scenario files, each on a fresh empty ledger; exit 1 if any expectation fails")
    static final class Run implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "*.ndjson files or directories holding them")
        List<Path> paths;

        @Override
        public Integer call() throws IOException {
            List<Path> files = expand(paths);
            try (EmbeddedPostgres postgres = ServiceLedger.startPostgres()) {
                ScenarioRunner.Tally tally = new ScenarioRunner(ServiceLedger.on(postgres), System.out).runAll(files);
                return tally.failed() == 0 && tally.passed() > 0 ? 0 : 1;
            }
        }
    }

    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(p -> p.toString().endsWith(".ndjson")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IOException("no such file or directory: " + path);
            }
        }
        return files;
    }
}
