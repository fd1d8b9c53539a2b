-- Local sign-in (ledger.security.mode=local): users, their roles (domain.md §11) and the lockout after repeated
-- failed sign-ins. Passwords only as delegating-encoder hashes ("{bcrypt}$2a$…").
CREATE TABLE ledger_user (
    username        VARCHAR(64) PRIMARY KEY,
    password_hash   VARCHAR(200) NOT NULL,
    roles           VARCHAR(200) NOT NULL,              -- comma-separated Role names
    participant_id  VARCHAR(64),                        -- only for PARTICIPANT
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    failed_sign_ins INT NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by      VARCHAR(100) NOT NULL,
    CONSTRAINT participant_user_has_participant CHECK ((roles = 'PARTICIPANT') = (participant_id IS NOT NULL))
);
