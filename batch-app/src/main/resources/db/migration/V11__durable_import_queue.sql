-- Imports that arrive over HTTP (uploads, Shopify webhooks) wait in catalog_import itself:
-- queued_at marks a row as an entry of that queue, node_id the node that took it. A node
-- that dies leaves its entries to the others (adopted by node_id), so an upload answered
-- 202 is imported even if the process that answered is killed.
ALTER TABLE catalog_import
    ADD COLUMN queued_at TIMESTAMPTZ,
    ADD COLUMN node_id   TEXT;

CREATE INDEX catalog_import_waiting ON catalog_import (queued_at, id)
    WHERE status = 'QUEUED' AND queued_at IS NOT NULL AND node_id IS NULL;
