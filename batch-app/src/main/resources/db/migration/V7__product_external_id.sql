-- The id the source gives a product besides its key: Shopify's product GID, WooCommerce's
-- id:N. A products/delete webhook names only that id.
ALTER TABLE product ADD COLUMN external_id TEXT;
CREATE INDEX product_external_id ON product (merchant_id, external_id) WHERE external_id IS NOT NULL;
