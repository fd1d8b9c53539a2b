package nl.taxledger.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.taxledger.service.LedgerApplication;

/**
 * A service instance in its own JVM, so a test can kill it the hard way ({@link Process#destroyForcibly()} is
 * {@code SIGKILL} on Linux): no shutdown hook runs, no claim is released, an open transaction is simply cut off.
 * It runs the test's own classpath against the given PostgreSQL; its connections carry its node id as
 * {@code application_name}, so the test can see them in {@code pg_stat_activity}.
 */
public record InstanceProcess(Process process, int httpPort) {
    /** A local user in the shared database (made by the test once instance A has migrated it) to ask for status. */
    static final String USER = "scale-out";

    static final String PASSWORD = "scale-out-password";

    /**
     * A service on its own embedded PostgreSQL in {@code dataDirectory} (on {@code postgresPort}), as an operator runs
     * it: the durable settings, the initial admin's password beside the data directory. Killing this JVM leaves the
     * postmaster running; {@link #killPostmaster} kills that too.
     */
    public static InstanceProcess startOnDataDirectory(
            Path dataDirectory, int postgresPort, Path log, String... extraArguments) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        int httpPort = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true",
                "-cp",
                System.getProperty("java.class.path"),
                LedgerApplication.class.getName(),
                "--ledger.embedded.data-dir=" + dataDirectory.toAbsolutePath(),
                "--ledger.embedded.port=" + postgresPort,
                "--ledger.scheduling.enabled=false",
                "--ledger.hashchain.enabled=true",
                "--logging.level.root=WARN",
                "--server.address=127.0.0.1",
                "--server.port=" + httpPort));
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return new InstanceProcess(builder.start(), httpPort);
    }

    /**
     * {@code SIGKILL} to the postmaster of {@code dataDirectory} (its pid is the first line of {@code postmaster.pid})
     * and then to each of its backends, as a machine that loses power leaves them; answers whether one was running.
     */
    public static boolean killPostmaster(Path dataDirectory) throws IOException, InterruptedException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return false;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        // a pid file left by a killed postmaster may name a pid reused since: only the postmaster of this directory
        java.util.Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(process -> process.info()
                .commandLine()
                .filter(line -> line.contains("postgres")
                        && line.contains(dataDirectory.toAbsolutePath().toString()))
                .isPresent());
        if (postmaster.isEmpty()) {
            return false;
        }
        List<ProcessHandle> backends = postmaster.get().descendants().toList();
        postmaster.get().destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : concat(postmaster.get(), backends)) {
            process.onExit()
                    .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                    .join();
        }
        return true;
    }

    private static List<ProcessHandle> concat(ProcessHandle first, List<ProcessHandle> rest) {
        List<ProcessHandle> all = new java.util.ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    static InstanceProcess start(int postgresPort, String nodeId, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        int httpPort = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(
                java,
                "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true",
                "-cp",
                System.getProperty("java.class.path"),
                LedgerApplication.class.getName(),
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres?ApplicationName="
                        + nodeId,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--ledger.scheduling.enabled=false",
                "--ledger.node-id=" + nodeId,
                "--logging.level.root=WARN",
                "--server.address=127.0.0.1",
                "--server.port=" + httpPort);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return new InstanceProcess(builder.start(), httpPort);
    }

    /** Until the instance answers on its REST port (its processors are started by then). */
    void awaitUp(Duration timeout) throws InterruptedException {
        awaitUp(timeout, USER, PASSWORD);
    }

    /** Until the instance answers {@code user} on its REST port (its processors are started by then). */
    public void awaitUp(Duration timeout, String user, String password) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/processors"))
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString((user + ":" + password)
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance exited with " + process.exitValue() + " before it was up");
            }
            try {
                if (http.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("instance not up within " + timeout);
    }

    /** {@code SIGKILL}; waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("instance did not die");
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
