package nl.taxledger.service.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** Signed-in HTTP clients for service tests: a local user made once per test database, then HTTP Basic. */
public final class TestUsers {
    /** Every test user's password (a test database is thrown away afterwards). */
    public static final String PASSWORD = "test-password-1234";

    private TestUsers() {
    }

    /** A client of the service on {@code port}, signed in as {@code username} with {@code roles}. */
    public static RestClient client(ApplicationContext context, int port, String username, Role... roles) {
        ensure(context, username, Optional.empty(), roles);
        return base(port).defaultHeaders(headers -> headers.setBasicAuth(username, PASSWORD)).build();
    }

    /** A client signed in as a PARTICIPANT user of {@code participantId}. */
    public static RestClient participant(ApplicationContext context, int port, String username, String participantId) {
        ensure(context, username, Optional.of(participantId), Role.PARTICIPANT);
        return base(port).defaultHeaders(headers -> headers.setBasicAuth(username, PASSWORD)).build();
    }

    /** A client without credentials. */
    public static RestClient anonymous(int port) {
        return base(port).build();
    }

    static RestClient.Builder base(int port) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { });
    }

    static void ensure(ApplicationContext context, String username, Optional<String> participantId, Role... roles) {
        LocalUsers users = context.getBean(LocalUsers.class);
        if (users.list().stream().noneMatch(account -> account.username().equals(username))) {
            users.create(username, PASSWORD, EnumSet.copyOf(List.of(roles)), participantId, "test");
        }
    }
}
