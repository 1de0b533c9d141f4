-- A run that renders again the tasks an ended run failed (POST /api/v1/runs/{id}/retry-failed):
-- kind RETRY, its tasks copied as PENDING from that run's FAILED ones, in that run's lane and
-- pool. The run it retries keeps its tasks as they were.
ALTER TABLE generation_run ADD COLUMN retry_of BIGINT REFERENCES generation_run (id);

ALTER TABLE generation_run DROP CONSTRAINT generation_run_kind_check;
ALTER TABLE generation_run ADD CONSTRAINT generation_run_kind_check
    CHECK (kind IN ('UPLOAD', 'NIGHTLY', 'ON_DEMAND', 'RETRY'));
