package nl.taxledger.service.embeddeddb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Refuses to start the embedded PostgreSQL on a port something else already listens on, and says what that is.
 *
 * <p>Why: when the service's Java process is killed (kill -9, a closed terminal), its embedded postmaster lives on
 * and keeps the fixed port. A service started next on <em>another</em> data directory then sees its own postmaster
 * fail ("could not create any TCP/IP sockets") and zonky connects to the orphan instead, which answers
 * {@code password authentication failed for user "postgres"}: true, and no help. An orphan of the <em>same</em>
 * data directory is harmless (zonky adopts it, with the same passwords, and stops it with the service), so it is
 * let through.
 */
final class PortGuard {
    private static final int CONNECT_TIMEOUT_MS = 500;

    private PortGuard() {}

    static void ensureAvailable(EmbeddedPostgresSettings settings) {
        int port = settings.port();
        if (port == 0 || !listening(port)) {
            return;
        }
        Optional<Holder> holder = postgresOn(port);
        Path ours = settings.dataDirectory().toAbsolutePath().normalize();
        if (holder.isPresent() && ours.equals(holder.get().dataDirectory())) {
            return;
        }
        throw new IllegalStateException(message(port, ours, holder));
    }

    static String message(int port, Path ours, Optional<Holder> holder) {
        String what = holder.map(h -> "a PostgreSQL (pid " + h.pid() + ") of another data directory, "
                        + h.dataDirectory() + ", most likely the embedded database of an earlier service whose Java "
                        + "process was killed; stop it with: kill " + h.pid())
                .orElse("another program (look with: ss -ltnp 'sport = :" + port + "')");
        return "Cannot start the embedded PostgreSQL for " + ours + ": port " + port + " is already in use by " + what
                + ". Or start the service on another port with --ledger.embedded.port=<port>.";
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A postmaster's command line, as zonky starts it: {@code postgres -D <dir> -p <port> ...}. */
    static Optional<Holder> postgresOn(int port) {
        return ProcessHandle.allProcesses()
                .map(process -> Holder.of(
                        process.pid(), process.info().arguments().map(List::of).orElse(List.of()), port))
                .flatMap(Optional::stream)
                .findFirst();
    }

    record Holder(long pid, Path dataDirectory) {
        static Optional<Holder> of(long pid, List<String> arguments, int port) {
            int data = arguments.indexOf("-D");
            int portFlag = arguments.indexOf("-p");
            if (data < 0 || portFlag < 0 || data + 1 >= arguments.size() || portFlag + 1 >= arguments.size()) {
                return Optional.empty();
            }
            if (!arguments.get(portFlag + 1).equals(Integer.toString(port))) {
                return Optional.empty();
            }
            return Optional.of(new Holder(
                    pid, Path.of(arguments.get(data + 1)).toAbsolutePath().normalize()));
        }
    }
}
