-- Uploaded catalogs are kept for p2p.upload.retention, then their folder is removed (the
-- import's record, counts and error report stay). A merchant's last completed catalog, which
-- its nightly run replays, and the files of runs not yet ended are kept whatever their age.
ALTER TABLE catalog_import ADD COLUMN file_removed_at TIMESTAMPTZ;
