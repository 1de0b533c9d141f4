-- Shopify product media beyond appending: each image's alt text from its scene template,
-- a Shopify target that can make a run's images the product's first (primary) media, and
-- the order of each product's media before a run first changed it, which a revert puts
-- back.

-- rendered at expansion from the scene's `alt` (or its title and scene name); at most 512
-- characters, Shopify's limit
ALTER TABLE render_task ADD COLUMN alt_text TEXT;

ALTER TABLE publish_target
    ADD COLUMN position TEXT NOT NULL DEFAULT 'APPEND' CHECK (position IN ('APPEND', 'PRIMARY'));

-- written once, before the run's first change to the product; media: [{"id", "alt"}, …]
-- in the product's order then. restored_at: when a revert put that order back (cleared
-- when the run publishes to the product again)
CREATE TABLE shopify_media_snapshot (
    run_id      BIGINT      NOT NULL REFERENCES generation_run (id),
    product_gid TEXT        NOT NULL,
    media       JSONB       NOT NULL,
    taken_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    restored_at TIMESTAMPTZ,
    PRIMARY KEY (run_id, product_gid)
);
