-- The product's largest stated dimension in centimetres (a catalog's dimensions column, or
-- WooCommerce's length, width and height), null when the catalog states none: scenes draw
-- the product to scale from it.
ALTER TABLE catalog_import_row ADD COLUMN size_cm double precision;
ALTER TABLE product ADD COLUMN size_cm double precision;
