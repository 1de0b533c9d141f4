-- The folder an import's local image references must lie inside: an upload's own folder,
-- an inbox file's folder, a Shopify snapshot's folder, or the local CLI's configured root.
-- Imports recorded before this have none and are read as the local CLI's.
ALTER TABLE catalog_import ADD COLUMN photo_root text;
