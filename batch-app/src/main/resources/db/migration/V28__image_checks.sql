-- the automatic checks' findings on each image, as moderation wrote them: per check its
-- score (0 to 1, higher is better; null when the check did not run) and its problems, so
-- that a reviewer sees why an image was held and the thresholds can be tuned from data;
-- null for images moderated before this was recorded
ALTER TABLE render_task
    ADD COLUMN checks JSONB;
