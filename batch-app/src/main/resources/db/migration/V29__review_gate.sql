-- The review gate (issue 17): a per-merchant policy of which images a person sees before they
-- are published, the decisions reviewers make with their audit, and regeneration.

-- AUTO: an image that passes every check is approved; ALL: every image is held for review;
-- SAMPLE: passing images are held at the given share, for quality control. A merchant with no
-- row is AUTO.
CREATE TABLE review_policy (
    merchant_id     TEXT        PRIMARY KEY REFERENCES merchant (id),
    policy          TEXT        NOT NULL CHECK (policy IN ('AUTO', 'ALL', 'SAMPLE')),
    sample_percent  INT         NOT NULL DEFAULT 0 CHECK (sample_percent BETWEEN 0 AND 100),
    updated_by      TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (policy = 'SAMPLE' OR sample_percent = 0)
);

-- Every decision on a held image, never updated: who, when, what and why. A regeneration
-- names the run that renders the image again.
CREATE TABLE review_decision (
    id                BIGSERIAL   PRIMARY KEY,
    task_id           BIGINT      NOT NULL REFERENCES render_task (id),
    decision          TEXT        NOT NULL CHECK (decision IN ('APPROVE', 'REJECT', 'REGENERATE')),
    reason            TEXT,
    decided_by        TEXT        NOT NULL,
    decided_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    regeneration_run  BIGINT      REFERENCES generation_run (id),
    CHECK (decision <> 'REJECT' OR reason IS NOT NULL),
    CHECK ((decision = 'REGENERATE') = (regeneration_run IS NOT NULL))
);
CREATE INDEX review_decision_task ON review_decision (task_id, id);

-- A task a reviewer sent back is REGENERATED; its copy, with a new seed, is rendered by a run
-- of kind REGENERATE (retry_of names the run it came from) and names it as regenerated_from.
-- The copy keeps the original's cache key: it answers the same request, so a later run reuses
-- the image a reviewer accepted.
ALTER TABLE render_task ADD COLUMN regenerated_from BIGINT UNIQUE REFERENCES render_task (id);
ALTER TABLE render_task DROP CONSTRAINT render_task_state_check;
ALTER TABLE render_task ADD CONSTRAINT render_task_state_check
    CHECK (state IN ('PENDING', 'GENERATED', 'APPROVED', 'NEEDS_REVIEW', 'REJECTED', 'REGENERATED', 'PUBLISHED',
                     'BLOCKED_PROMPT', 'FAILED', 'SKIPPED_CACHED'));
-- the review queue: held images, oldest first
CREATE INDEX render_task_held ON render_task (updated_at, id) WHERE state = 'NEEDS_REVIEW';

ALTER TABLE generation_run DROP CONSTRAINT generation_run_kind_check;
ALTER TABLE generation_run ADD CONSTRAINT generation_run_kind_check
    CHECK (kind IN ('UPLOAD', 'NIGHTLY', 'ON_DEMAND', 'RETRY', 'REGENERATE'));
