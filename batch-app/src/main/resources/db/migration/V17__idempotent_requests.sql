-- The API's Idempotency-Key: the first answer to a merchant's key, replayed for a repeat of
-- the same request (by the SHA-256 of what it asked) for 24 hours. status is NULL while the
-- first request is still being answered.
CREATE TABLE idempotent_request (
    merchant_id     TEXT        NOT NULL REFERENCES merchant (id),
    key             TEXT        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    endpoint        TEXT        NOT NULL,
    request_sha256  TEXT        NOT NULL,
    status          INT,
    location        TEXT,
    body            TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, key)
);
CREATE INDEX idempotent_request_age ON idempotent_request (created_at);
