-- Catalog ingest: imports of their own (the import command has no run), staged rows,
-- row problems for the merchant's error report, and the product fields the three file
-- layouts give.

ALTER TABLE catalog_import ALTER COLUMN run_id DROP NOT NULL;
ALTER TABLE catalog_import DROP CONSTRAINT catalog_import_source_check;
UPDATE catalog_import SET source = 'FILE';
ALTER TABLE catalog_import ADD CONSTRAINT catalog_import_source_check CHECK (source IN ('FILE', 'SHOPIFY'));
ALTER TABLE catalog_import
    ADD COLUMN file_path        TEXT,
    ADD COLUMN mapping_file     TEXT,
    ADD COLUMN sheet            TEXT,
    ADD COLUMN format           TEXT,
    ADD COLUMN status           TEXT NOT NULL DEFAULT 'COMPLETED'
        CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    ADD COLUMN rows_read        INT  NOT NULL DEFAULT 0,
    ADD COLUMN products_removed INT  NOT NULL DEFAULT 0,
    ADD COLUMN merged_at        TIMESTAMPTZ,
    ADD COLUMN error_report     TEXT,
    ADD COLUMN message          TEXT,
    ADD COLUMN started_at       TIMESTAMPTZ,
    ADD COLUMN finished_at      TIMESTAMPTZ;
ALTER TABLE catalog_import ALTER COLUMN status SET DEFAULT 'QUEUED';
UPDATE catalog_import i SET file_path = r.catalog_file, merged_at = i.created_at
FROM generation_run r WHERE r.id = i.run_id;

-- What the file says, row by row, before it touches product: an import that fails its
-- skip limit changes nothing. Written with COPY, so no index; emptied by the merge.
CREATE TABLE catalog_import_row (
    import_id      BIGINT  NOT NULL,
    row_number     BIGINT  NOT NULL,
    source_key     TEXT    NOT NULL,
    alt_key        TEXT,
    parent_key     TEXT,
    title          TEXT    NOT NULL,
    description    TEXT    NOT NULL,
    vendor         TEXT    NOT NULL,
    product_type   TEXT    NOT NULL,
    category       TEXT    NOT NULL,
    tags           TEXT[]  NOT NULL,
    options        TEXT    NOT NULL,
    variant_count  INT     NOT NULL,
    price          NUMERIC,
    image_urls     TEXT[]  NOT NULL,
    content_hash   TEXT
);

CREATE TABLE catalog_import_error (
    id           BIGSERIAL PRIMARY KEY,
    import_id    BIGINT NOT NULL REFERENCES catalog_import (id),
    row_number   BIGINT NOT NULL,
    column_name  TEXT   NOT NULL,
    reason       TEXT   NOT NULL,
    found_by     TEXT   NOT NULL CHECK (found_by IN ('READ', 'MERGE', 'PHOTO'))
);
CREATE INDEX catalog_import_error_import ON catalog_import_error (import_id, row_number);

ALTER TABLE product
    ADD COLUMN options        TEXT    NOT NULL DEFAULT '',
    ADD COLUMN variant_count  INT     NOT NULL DEFAULT 1,
    ADD COLUMN price          NUMERIC,
    ADD COLUMN image_urls     TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN source_row     BIGINT,
    ADD COLUMN removed_at     TIMESTAMPTZ;
UPDATE product SET image_urls = ARRAY[image_url];

-- A merge upserts a whole catalog in one statement (a million-row Shopify export is about
-- 330,000 products), and these two checks, a trigger call per row, were 40% of its time.
-- Only the merge writes product, taking merchant and import from the catalog_import row
-- it works for, which references both.
ALTER TABLE product DROP CONSTRAINT product_merchant_id_fkey;
ALTER TABLE product DROP CONSTRAINT product_last_import_id_fkey;
