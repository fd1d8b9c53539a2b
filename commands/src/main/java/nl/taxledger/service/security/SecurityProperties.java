package nl.taxledger.service.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.security.*}.
 *
 * @param mode                      {@code local} (users in PostgreSQL, the default) or {@code oidc} (JWT bearer tokens)
 * @param initialAdminPasswordFile  where the first start writes admin's password; by default beside the embedded
 *                                  data directory, and with an external datasource nowhere (no admin is created)
 * @param lockout                   repeated failed sign-ins lock a local account for a while
 * @param oidc                      which token claims carry name, roles and participant
 */
@ConfigurationProperties("ledger.security")
record SecurityProperties(String mode, String initialAdminPasswordFile, Lockout lockout, Oidc oidc) {
    static final String LOCAL = "local";
    static final String OIDC = "oidc";

    SecurityProperties {
        mode = mode == null ? LOCAL : mode;
        if (!mode.equals(LOCAL) && !mode.equals(OIDC)) {
            throw new IllegalArgumentException("ledger.security.mode is local or oidc, not " + mode);
        }
        lockout = lockout == null ? new Lockout(5, Duration.ofMinutes(15)) : lockout;
        oidc = oidc == null ? new Oidc(null, null, null) : oidc;
    }

    record Lockout(int maxFailures, Duration duration) {
        Lockout {
            if (maxFailures < 1 || duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("ledger.security.lockout: max-failures >= 1 and a duration");
            }
        }
    }

    record Oidc(String rolesClaim, String participantClaim, String nameClaim) {
        Oidc {
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            participantClaim = participantClaim == null ? "participant_id" : participantClaim;
            nameClaim = nameClaim == null ? "sub" : nameClaim;
        }
    }
}
