-- Photos a merchant uploads for an on-demand generation (POST /api/v1/generations with a
-- photo) rather than naming a product of its catalog: each becomes a studio product, keyed
-- studio-<first 12 hex digits of its SHA-256>, made by an import of its own (source STUDIO,
-- scope PRODUCTS). A studio product is not part of the catalog: a catalog's import never marks
-- it removed nor counts it, and catalog exports leave it out. Its photo lives in the image
-- store only (image_url is studio:<sha256>).
ALTER TABLE product ADD COLUMN studio BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE catalog_import DROP CONSTRAINT catalog_import_source_check;
ALTER TABLE catalog_import ADD CONSTRAINT catalog_import_source_check CHECK (source IN ('FILE', 'SHOPIFY', 'STUDIO'));
