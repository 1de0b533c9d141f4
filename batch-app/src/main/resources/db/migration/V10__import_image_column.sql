-- The merchant's own name of the column an import's photos come from ("Bild", "Image Src"),
-- so that problems with photos, found after the file was read, name it in the error report.
ALTER TABLE catalog_import ADD COLUMN image_column text;
