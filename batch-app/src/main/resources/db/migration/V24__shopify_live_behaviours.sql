-- The Shopify connector as the live service behaves.
--
-- An import's note: what its reading says beside the counts (a shop read page by page
-- because Shopify refused the bulk operation).
ALTER TABLE catalog_import ADD COLUMN note TEXT;

-- Webhook secrets per Shopify app. A merchant connected through an app of its own names
-- the environment variables that hold that app's client secret and, during a rotation,
-- the one before it (secrets stay in the environment, like access tokens); a merchant
-- with neither uses the shared app's secret (p2p.shopify.webhook-secret).
ALTER TABLE merchant
    ADD COLUMN shopify_app TEXT,
    ADD COLUMN shopify_secret_env TEXT,
    ADD COLUMN shopify_previous_secret_env TEXT;

-- The latest change of each Shopify product that a webhook delivered: Shopify retries a
-- failed delivery for hours with its original payload, so an older delivery arriving
-- late must not overwrite a newer one, nor bring back a deleted product.
CREATE TABLE shopify_product_change (
    merchant_id   TEXT        NOT NULL REFERENCES merchant (id),
    product_gid   TEXT        NOT NULL,
    triggered_at  TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ,
    deleted_at    TIMESTAMPTZ,
    PRIMARY KEY (merchant_id, product_gid)
);
