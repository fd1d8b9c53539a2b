package nl.taxledger.service.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.taxledger.ledger.api.ErrorCode;
import nl.taxledger.ledger.api.LedgerRejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The local sign-in mode's users, in PostgreSQL ({@code ledger_user}), passwords hashed by Spring Security's
 * delegating encoder (bcrypt, with the algorithm stored in front of each hash so it can change later).
 */
public class LocalUsers implements UserDetailsService {
    /** No ':' (HTTP Basic splits on it, and system principals are {@code system:…}), no spaces. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 128;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final SecurityProperties.Lockout lockout;

    LocalUsers(JdbcTemplate jdbc, PasswordEncoder encoder, SecurityProperties.Lockout lockout) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.lockout = lockout;
    }

    /** A user as the API shows it: never the hash. */
    public record Account(String username, Set<Role> roles, Optional<String> participantId, boolean enabled,
                          boolean locked) {
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query("SELECT username, password_hash, roles, participant_id, enabled,"
                + " locked_until > now() AS locked FROM ledger_user WHERE username = ?",
                (rs, i) -> details(rs), username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no such user");
        }
        return found.get(0);
    }

    private static UserDetails details(ResultSet rs) throws SQLException {
        Set<Role> roles = roles(rs.getString("roles"));
        return User.withUsername(rs.getString("username")).password(rs.getString("password_hash"))
                .authorities(Principals.authorities(roles, Optional.ofNullable(rs.getString("participant_id"))))
                .disabled(!rs.getBoolean("enabled")).accountLocked(rs.getBoolean("locked")).build();
    }

    /** Creates a user; {@code createdBy} is the supervisor (or {@code system:first-start}). */
    public Account create(String username, String password, Set<Role> roles, Optional<String> participantId,
                          String createdBy) {
        validate(username, roles, participantId);
        checkPassword(password);
        int inserted = jdbc.update("INSERT INTO ledger_user"
                        + " (username, password_hash, roles, participant_id, created_by) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (username) DO NOTHING", username, encoder.encode(password),
                text(roles), participantId.orElse(null), createdBy);
        if (inserted == 0) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "user " + username + " exists already");
        }
        return new Account(username, roles, participantId, true, false);
    }

    public List<Account> list() {
        return jdbc.query("SELECT username, roles, participant_id, enabled, locked_until > now() AS locked"
                + " FROM ledger_user ORDER BY username", (rs, i) -> new Account(rs.getString("username"),
                roles(rs.getString("roles")), Optional.ofNullable(rs.getString("participant_id")),
                rs.getBoolean("enabled"), rs.getBoolean("locked")));
    }

    public boolean isEmpty() {
        return jdbc.queryForObject("SELECT NOT EXISTS (SELECT 1 FROM ledger_user)", Boolean.class);
    }

    public void disable(String username) {
        requireUpdated(jdbc.update("UPDATE ledger_user SET enabled = false WHERE username = ?", username), username);
    }

    /** A new password; also lifts a lock, since a supervisor vouched for the person. */
    public void resetPassword(String username, String password) {
        checkPassword(password);
        requireUpdated(jdbc.update("UPDATE ledger_user SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL"
                + " WHERE username = ?", encoder.encode(password), username), username);
    }

    /** Counts a failed sign-in; the {@code maxFailures}-th in a row locks the account for the lockout duration. */
    void signInFailed(String username) {
        jdbc.update("UPDATE ledger_user SET"
                + " locked_until = CASE WHEN failed_sign_ins + 1 >= ? THEN now() + ? * interval '1 millisecond'"
                + " ELSE locked_until END,"
                + " failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= ? THEN 0 ELSE failed_sign_ins + 1 END"
                + " WHERE username = ?", lockout.maxFailures(), lockout.duration().toMillis(), lockout.maxFailures(),
                username);
    }

    /** A good sign-in ends a run of failures (written only when there was one: no write per request). */
    void signInSucceeded(String username) {
        jdbc.update("UPDATE ledger_user SET failed_sign_ins = 0 WHERE username = ? AND failed_sign_ins > 0", username);
    }

    private static void requireUpdated(int rows, String username) {
        if (rows == 0) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "no user " + username);
        }
    }

    private static void validate(String username, Set<Role> roles, Optional<String> participantId) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED,
                    "username: 1-64 of letters, digits and . _ @ - (no ':' and no spaces)");
        }
        if (roles == null || roles.isEmpty()) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "roles: at least one of " + List.of(Role.values()));
        }
        if (roles.contains(Role.PARTICIPANT) != participantId.isPresent()) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED,
                    "participantId: required for a PARTICIPANT user and only for one");
        }
        if (roles.contains(Role.PARTICIPANT) && roles.size() > 1) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "a PARTICIPANT user has no other role");
        }
        participantId.ifPresent(id -> {
            if (id.isBlank() || id.length() > 64 || !id.strip().equals(id)) {
                throw new LedgerRejection(ErrorCode.VALIDATION_FAILED, "participantId: 1-64 characters");
            }
        });
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new LedgerRejection(ErrorCode.VALIDATION_FAILED,
                    "password: " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    private static String text(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
