-- Prompt2Pixel's own tables: merchants, catalog imports and products, runs and their render
-- tasks, publications, usage and invoices. Every side effect carries a unique idempotency key so
-- that a restarted step can redo work without duplicating its effect.

CREATE TABLE merchant (
    id          TEXT PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    name        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE generation_run (
    id            BIGSERIAL PRIMARY KEY,
    merchant_id   TEXT        NOT NULL REFERENCES merchant (id),
    kind          TEXT        NOT NULL CHECK (kind IN ('UPLOAD', 'NIGHTLY', 'ON_DEMAND')),
    status        TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    catalog_file  TEXT        NOT NULL,
    template_set  TEXT        NOT NULL,
    variants      INT         NOT NULL CHECK (variants BETWEEN 1 AND 16),
    out_dir       TEXT        NOT NULL,
    failure       TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ
);

CREATE TABLE catalog_import (
    id                BIGSERIAL PRIMARY KEY,
    run_id            BIGINT      NOT NULL UNIQUE REFERENCES generation_run (id),
    merchant_id       TEXT        NOT NULL REFERENCES merchant (id),
    source            TEXT        NOT NULL CHECK (source IN ('CSV')),
    file_name         TEXT        NOT NULL,
    products_new      INT         NOT NULL DEFAULT 0,
    products_changed  INT         NOT NULL DEFAULT 0,
    products_same     INT         NOT NULL DEFAULT 0,
    rows_skipped      INT         NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE product (
    id              BIGSERIAL PRIMARY KEY,
    merchant_id     TEXT        NOT NULL REFERENCES merchant (id),
    source_key      TEXT        NOT NULL,
    title           TEXT        NOT NULL,
    description     TEXT        NOT NULL,
    category        TEXT        NOT NULL,
    vendor          TEXT        NOT NULL,
    image_url       TEXT        NOT NULL,
    content_hash    TEXT        NOT NULL,
    last_import_id  BIGINT      NOT NULL REFERENCES catalog_import (id),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (merchant_id, source_key)
);
CREATE INDEX product_last_import ON product (last_import_id, id);

CREATE TABLE render_task (
    id                BIGSERIAL PRIMARY KEY,
    run_id            BIGINT      NOT NULL REFERENCES generation_run (id),
    product_id        BIGINT      NOT NULL REFERENCES product (id),
    template_id       TEXT        NOT NULL,
    template_version  INT         NOT NULL,
    variant           INT         NOT NULL,
    seed              BIGINT      NOT NULL,
    prompt            TEXT        NOT NULL,
    negative_prompt   TEXT        NOT NULL,
    params            JSONB       NOT NULL,
    state             TEXT        NOT NULL CHECK (state IN ('PENDING', 'GENERATED', 'APPROVED', 'NEEDS_REVIEW',
                                      'REJECTED', 'PUBLISHED', 'BLOCKED_PROMPT', 'FAILED', 'SKIPPED_CACHED')),
    state_reason      TEXT,
    backend           TEXT,
    model             TEXT,
    generative        BOOLEAN,
    image_key         TEXT,
    image_sha256      TEXT,
    render_ms         BIGINT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (run_id, product_id, template_id, variant)
);
CREATE INDEX render_task_run_state ON render_task (run_id, state, id);
CREATE INDEX render_task_run_sha ON render_task (run_id, image_sha256);

CREATE TABLE publication (
    id               BIGSERIAL PRIMARY KEY,
    task_id          BIGINT      NOT NULL REFERENCES render_task (id),
    destination      TEXT        NOT NULL CHECK (destination IN ('FOLDER')),
    location         TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL UNIQUE,
    published_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE usage_event (
    id               BIGSERIAL PRIMARY KEY,
    merchant_id      TEXT          NOT NULL REFERENCES merchant (id),
    run_id           BIGINT        NOT NULL REFERENCES generation_run (id),
    task_id          BIGINT        NOT NULL REFERENCES render_task (id),
    kind             TEXT          NOT NULL CHECK (kind IN ('IMAGE_GENERATED')),
    quantity         INT           NOT NULL CHECK (quantity > 0),
    unit_price       NUMERIC(12, 4) NOT NULL CHECK (unit_price >= 0),
    currency         CHAR(3)       NOT NULL,
    idempotency_key  TEXT          NOT NULL UNIQUE,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX usage_event_run ON usage_event (run_id);

CREATE TABLE invoice (
    id           BIGSERIAL PRIMARY KEY,
    merchant_id  TEXT          NOT NULL REFERENCES merchant (id),
    run_id       BIGINT        NOT NULL UNIQUE REFERENCES generation_run (id),
    currency     CHAR(3)       NOT NULL,
    total        NUMERIC(12, 2) NOT NULL CHECK (total >= 0),
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE invoice_line (
    id           BIGSERIAL PRIMARY KEY,
    invoice_id   BIGINT         NOT NULL REFERENCES invoice (id),
    description  TEXT           NOT NULL,
    quantity     INT            NOT NULL,
    unit_price   NUMERIC(12, 4) NOT NULL,
    amount       NUMERIC(12, 2) NOT NULL
);
