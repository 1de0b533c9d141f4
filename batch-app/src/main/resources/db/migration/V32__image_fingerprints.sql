-- Each moderated image's fingerprint (models/checks/ImageFingerprint): its 64-bit
-- perceptual hash and its 4x4 grid of mean colours (48 bytes), compared for near copies
-- within its run and with the merchant's published images. Two hashes at most 3 bits
-- apart share one of their four 16-bit quarters, so an index on each quarter finds every
-- near copy among a merchant's images without reading them all.
ALTER TABLE render_task
    ADD COLUMN image_phash BIGINT,
    ADD COLUMN image_colours BYTEA;

CREATE INDEX render_task_phash_q0 ON render_task (merchant_id, ((image_phash >> 48) & 65535))
    WHERE image_phash IS NOT NULL;
CREATE INDEX render_task_phash_q1 ON render_task (merchant_id, ((image_phash >> 32) & 65535))
    WHERE image_phash IS NOT NULL;
CREATE INDEX render_task_phash_q2 ON render_task (merchant_id, ((image_phash >> 16) & 65535))
    WHERE image_phash IS NOT NULL;
CREATE INDEX render_task_phash_q3 ON render_task (merchant_id, (image_phash & 65535))
    WHERE image_phash IS NOT NULL;
