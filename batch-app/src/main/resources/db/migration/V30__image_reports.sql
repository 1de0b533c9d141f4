-- Merchants' reports of published images (POST /api/v1/images/{id}/report): the image is taken
-- down from every destination it reached, goes back to review, and its charge is credited.

-- Every report, as made; took_down says whether it took the image down (a report of an image
-- already down only finishes what an earlier one could not remove).
CREATE TABLE image_report (
    id           BIGSERIAL   PRIMARY KEY,
    task_id      BIGINT      NOT NULL REFERENCES render_task (id),
    merchant_id  TEXT        NOT NULL REFERENCES merchant (id),
    reason       TEXT        NOT NULL,
    took_down    BOOLEAN     NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX image_report_task ON image_report (task_id, id);

-- a credit is a usage event of its own, keyed by its task (an image is credited once), with a
-- negative quantity at the price it was billed
ALTER TABLE usage_event DROP CONSTRAINT usage_event_kind_check;
ALTER TABLE usage_event ADD CONSTRAINT usage_event_kind_check CHECK (kind IN ('IMAGE_GENERATED', 'IMAGE_CREDITED'));
ALTER TABLE usage_event DROP CONSTRAINT usage_event_quantity_check;
ALTER TABLE usage_event ADD CONSTRAINT usage_event_quantity_check
    CHECK ((kind = 'IMAGE_GENERATED' AND quantity > 0) OR (kind = 'IMAGE_CREDITED' AND quantity < 0));
