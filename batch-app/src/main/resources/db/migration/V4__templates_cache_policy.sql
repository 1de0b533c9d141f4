-- Scene templates per merchant, render caching and the prompt policy.

ALTER TABLE merchant ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';

-- Terms a merchant never wants in a prompt (a competitor's brand, say), on top of the built-in policy.
CREATE TABLE merchant_blocked_term (
    merchant_id  TEXT        NOT NULL REFERENCES merchant (id),
    term         TEXT        NOT NULL CHECK (length(trim(term)) > 0),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, term)
);

-- A merchant's own template sets, in the library's YAML format. Every save of changed content
-- is a new version; runs use the latest.
CREATE TABLE scene_template_set (
    id           BIGSERIAL PRIMARY KEY,
    merchant_id  TEXT        NOT NULL REFERENCES merchant (id),
    set_id       TEXT        NOT NULL,
    version      INT         NOT NULL CHECK (version > 0),
    yaml         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (merchant_id, set_id, version)
);

ALTER TABLE product ADD COLUMN product_type TEXT NOT NULL DEFAULT '';
ALTER TABLE product ADD COLUMN tags TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE product ADD COLUMN image_sha256 TEXT;

-- No template set means "match each product to its vertical"; no variant count means "each
-- scene's own variants".
ALTER TABLE generation_run ALTER COLUMN template_set DROP NOT NULL;
ALTER TABLE generation_run ALTER COLUMN variants DROP NOT NULL;

-- render_task is the high-volume table (a catalog of 100,000 products is 400,000 tasks a run),
-- so it carries the merchant without a foreign key: the merchant is the run's, set by the only
-- code that inserts tasks, and the run_id key already ties each task to a real run.
ALTER TABLE render_task ADD COLUMN merchant_id TEXT;
ALTER TABLE render_task ADD COLUMN template_set TEXT;
ALTER TABLE render_task ADD COLUMN matched_rule TEXT;
ALTER TABLE render_task ADD COLUMN cache_key TEXT;
ALTER TABLE render_task ADD COLUMN cached_from BIGINT REFERENCES render_task (id);
UPDATE render_task t SET merchant_id = r.merchant_id FROM generation_run r WHERE r.id = t.run_id;
ALTER TABLE render_task ALTER COLUMN merchant_id SET NOT NULL;
CREATE INDEX render_task_merchant_cache ON render_task (merchant_id, cache_key) WHERE image_key IS NOT NULL;

ALTER TABLE render_task DROP CONSTRAINT render_task_run_id_fkey;
ALTER TABLE render_task DROP CONSTRAINT render_task_product_id_fkey;

-- Parameters are written once per task and only read back whole: json keeps them as written
-- and costs a quarter of jsonb's parsing on insert.
ALTER TABLE render_task ALTER COLUMN params TYPE JSON;

-- Only tasks with an image take part in duplicate detection; PENDING rows stay out of the index.
DROP INDEX render_task_run_sha;
CREATE INDEX render_task_run_sha ON render_task (run_id, image_sha256) WHERE image_sha256 IS NOT NULL;
