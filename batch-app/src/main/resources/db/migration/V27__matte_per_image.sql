-- how each image's product was cut out of its photo (alpha, keyer, model) and how far that
-- cut is to be trusted (0 to 1); null for images with no product placed (text to image)
-- and for images made before this was recorded
ALTER TABLE render_task
    ADD COLUMN matte_method     TEXT,
    ADD COLUMN matte_confidence DOUBLE PRECISION CHECK (matte_confidence BETWEEN 0 AND 1);

-- at import, how a run would cut each product out of its photo (the configured matte) and
-- how sure of that cut it is; a low confidence is a warning in the import report
ALTER TABLE product
    ADD COLUMN matte_method     TEXT,
    ADD COLUMN matte_confidence DOUBLE PRECISION CHECK (matte_confidence BETWEEN 0 AND 1);

-- a warning is reported but skips nothing: the product is imported all the same
ALTER TABLE catalog_import_error
    ADD COLUMN warning BOOLEAN NOT NULL DEFAULT false,
    DROP CONSTRAINT catalog_import_error_found_by_check,
    ADD CONSTRAINT catalog_import_error_found_by_check
        CHECK (found_by IN ('READ', 'MERGE', 'PHOTO', 'MATTE'));
