-- The Shopify connector: a merchant's shop (its token is a secret and stays in the
-- environment), imports of one product by webhook, which must not mark the rest of the
-- catalog removed, and the webhook deliveries already handled, as Shopify may deliver one
-- more than once.

ALTER TABLE merchant ADD COLUMN shopify_shop TEXT UNIQUE;

ALTER TABLE catalog_import
    ADD COLUMN scope TEXT NOT NULL DEFAULT 'CATALOG' CHECK (scope IN ('CATALOG', 'PRODUCTS')),
    ADD COLUMN shopify_read TEXT CHECK (shopify_read IN ('AUTO', 'PAGED', 'BULK'));

CREATE TABLE shopify_webhook_delivery (
    webhook_id   TEXT PRIMARY KEY,
    shop         TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    import_id    BIGINT      REFERENCES catalog_import (id),
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
