-- Merchant API keys: the key itself is shown once, at creation; only its SHA-256 is kept
-- (a key carries 256 random bits, so a fast hash is as safe as a slow one and costs
-- nothing per request), with its first characters in clear so that people can tell keys
-- apart.
CREATE TABLE api_key (
    id             BIGSERIAL PRIMARY KEY,
    merchant_id    TEXT        NOT NULL REFERENCES merchant (id),
    name           TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix         TEXT        NOT NULL,
    secret_sha256  TEXT        NOT NULL UNIQUE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at     TIMESTAMPTZ
);
CREATE INDEX api_key_merchant ON api_key (merchant_id);

-- Staff of the web admin and the admin API. The password is hashed by Spring Security's
-- delegating encoder ({bcrypt}...); failed logins in a row lock the account for a while.
CREATE TABLE staff_account (
    email          TEXT PRIMARY KEY CHECK (email = lower(email) AND email LIKE '_%@_%'),
    role           TEXT        NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'REVIEWER')),
    password_hash  TEXT        NOT NULL,
    failed_logins  INT         NOT NULL DEFAULT 0,
    locked_until   TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
