-- A delivery is also known by its body: a signed body replayed under another webhook id is
-- a repeat, not a new delivery (the signature covers the body only).
ALTER TABLE shopify_webhook_delivery ADD COLUMN body_sha256 text;
CREATE UNIQUE INDEX shopify_webhook_delivery_body ON shopify_webhook_delivery (body_sha256)
    WHERE body_sha256 IS NOT NULL;
