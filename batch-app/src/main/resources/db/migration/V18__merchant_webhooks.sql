-- Webhooks to merchants. An event is written in the same transaction as the change it
-- reports (the outbox), with one delivery per endpoint subscribed at that moment; managers
-- deliver them, retrying with backoff, and log every attempt.
CREATE TABLE webhook_endpoint (
    id           BIGSERIAL PRIMARY KEY,
    merchant_id  TEXT        NOT NULL REFERENCES merchant (id),
    url          TEXT        NOT NULL,
    -- the HMAC key deliveries are signed with: it must be kept to sign, so it is in clear
    secret       TEXT        NOT NULL,
    events       TEXT[]      NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    removed_at   TIMESTAMPTZ
);
CREATE INDEX webhook_endpoint_merchant ON webhook_endpoint (merchant_id);

CREATE TABLE webhook_event (
    id           TEXT PRIMARY KEY,
    merchant_id  TEXT        NOT NULL REFERENCES merchant (id),
    type         TEXT        NOT NULL,
    -- the exact body every delivery of the event sends
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE webhook_delivery (
    id               BIGSERIAL PRIMARY KEY,
    event_id         TEXT        NOT NULL REFERENCES webhook_event (id),
    endpoint_id      BIGINT      NOT NULL REFERENCES webhook_endpoint (id),
    attempts         INT         NOT NULL DEFAULT 0,
    -- when it is next due; a delivery being sent holds a lease of a few minutes here
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ,
    gave_up_at       TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at)
    WHERE delivered_at IS NULL AND gave_up_at IS NULL;

CREATE TABLE webhook_attempt (
    id            BIGSERIAL PRIMARY KEY,
    delivery_id   BIGINT      NOT NULL REFERENCES webhook_delivery (id),
    attempted_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    status        INT,
    error         TEXT,
    elapsed_ms    BIGINT      NOT NULL
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
