-- What a merchant or an operator asked of a submitted run (POST /api/v1/runs/{id}/stop,
-- /resume, /cancel): STOP holds it where it is (a running one stops at its next chunk
-- boundary) and no dispatcher starts it again, even when its window opens, until it is
-- resumed; CANCEL ends it for good as CANCELLED (a running one at its next chunk boundary).
ALTER TABLE generation_run ADD COLUMN hold TEXT CHECK (hold IN ('STOP', 'CANCEL'));

ALTER TABLE generation_run DROP CONSTRAINT generation_run_status_check;
ALTER TABLE generation_run ADD CONSTRAINT generation_run_status_check
    CHECK (status IN ('QUEUED', 'WAITING_WINDOW', 'RUNNING', 'STOPPING', 'STOPPED', 'COMPLETED', 'FAILED',
                      'CANCELLED'));
