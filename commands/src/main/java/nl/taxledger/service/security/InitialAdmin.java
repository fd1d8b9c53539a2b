package nl.taxledger.service.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * On the first start with an empty user table: {@code admin} (SUPERVISOR) with a random password, written to a
 * file only its owner may read (never to the log), and one log line saying where. Without a place for that
 * file (an external datasource with no {@code ledger.security.initial-admin-password-file}, or a throw-away
 * test database) no admin is created: nobody could sign in with it.
 */
final class InitialAdmin implements ApplicationRunner {
    static final String USERNAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);
    private static final int PASSWORD_BYTES = 24;

    private final LocalUsers users;
    private final Optional<Path> passwordFile;

    InitialAdmin(LocalUsers users, Optional<Path> passwordFile) {
        this.users = users;
        this.passwordFile = passwordFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        if (passwordFile.isEmpty()) {
            LOG.warn("No users yet and no ledger.security.initial-admin-password-file: no admin created;"
                    + " set that property to have the first start create one");
            return;
        }
        Path file = passwordFile.get().toAbsolutePath();
        String password = randomPassword();
        writeOwnerOnly(file, password);
        users.create(USERNAME, password, EnumSet.of(Role.SUPERVISOR), Optional.empty(),
                Principals.SYSTEM_PREFIX + "first-start");
        LOG.warn("Created user '{}' (SUPERVISOR); its password is in {} (readable by this OS user only)."
                + " Create named users and disable admin.", USERNAME, file);
    }

    private static String randomPassword() {
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Created with 0600 from the start (no moment at which others could read it); an old file is replaced. */
    static void writeOwnerOnly(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException raced) {
            throw new IllegalStateException("another process is writing " + file, raced);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
