-- An import that would mark more of a merchant's products removed than the limit waits for
-- someone to confirm it (resume-import --confirm-removals); this records that they did.
ALTER TABLE catalog_import ADD COLUMN removals_confirmed boolean NOT NULL DEFAULT false;
