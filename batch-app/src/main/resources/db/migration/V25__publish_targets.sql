-- Publishing beyond the run's own folder: each merchant's targets (a folder, an S3 bucket,
-- its Shopify shop's product media),
-- each with the format its images are encoded in. A publication is now one image at one
-- destination, with what became of it: published (with its link), failed after its
-- retries (with the error, tried again by the next publish), or reverted.

CREATE TABLE publish_target (
    merchant_id      TEXT        NOT NULL REFERENCES merchant (id),
    kind             TEXT        NOT NULL CHECK (kind IN ('FOLDER', 'S3', 'SHOPIFY')),
    folder           TEXT,
    location         TEXT,
    endpoint         TEXT,
    public_base_url  TEXT,
    format           TEXT        NOT NULL DEFAULT 'PNG' CHECK (format IN ('PNG', 'JPEG', 'WEBP')),
    quality          REAL        NOT NULL DEFAULT 0.9 CHECK (quality > 0 AND quality <= 1),
    max_edge         INT         NOT NULL DEFAULT 0 CHECK (max_edge >= 0),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, kind),
    CHECK ((kind = 'FOLDER' AND folder IS NOT NULL) OR (kind = 'S3' AND location IS NOT NULL) OR kind = 'SHOPIFY')
);

ALTER TABLE publication DROP CONSTRAINT publication_destination_check;
ALTER TABLE publication
    ADD CONSTRAINT publication_destination_check CHECK (destination IN ('FOLDER', 'TARGET_FOLDER', 'S3', 'SHOPIFY')),
    ADD COLUMN status      TEXT        NOT NULL DEFAULT 'PUBLISHED'
        CHECK (status IN ('PUBLISHED', 'FAILED', 'REVERTED')),
    ADD COLUMN url         TEXT,
    ADD COLUMN error       TEXT,
    ADD COLUMN attempts    INT         NOT NULL DEFAULT 1,
    ADD COLUMN reverted_at TIMESTAMPTZ;

CREATE INDEX publication_location ON publication (destination, location) WHERE status = 'PUBLISHED';

-- which of the merchant's targets a run publishes to (run --publish); null: all of them
ALTER TABLE generation_run ADD COLUMN publish_to TEXT;
