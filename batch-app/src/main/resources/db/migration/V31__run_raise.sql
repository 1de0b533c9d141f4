-- When staff last moved a waiting run to the front of its lane: the queue takes raised
-- runs first within a lane, the latest raised first. A raised batch run still waits for
-- its pool's window.
ALTER TABLE generation_run ADD COLUMN raised_at TIMESTAMPTZ;
