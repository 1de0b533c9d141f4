-- Runs queued on the cluster (submit) and the off-peak generation windows they wait for.
-- A run started in place by the CLI (run, resume) is not submitted: no dispatcher touches it.

ALTER TABLE generation_run DROP CONSTRAINT generation_run_status_check;
ALTER TABLE generation_run ADD CONSTRAINT generation_run_status_check
    CHECK (status IN ('QUEUED', 'WAITING_WINDOW', 'RUNNING', 'STOPPING', 'STOPPED', 'COMPLETED', 'FAILED'));

ALTER TABLE generation_run ADD COLUMN submitted BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE generation_run ADD COLUMN priority TEXT NOT NULL DEFAULT 'BATCH'
    CHECK (priority IN ('ON_DEMAND', 'BATCH'));
ALTER TABLE generation_run ADD COLUMN pool TEXT NOT NULL DEFAULT 'default';
-- when a run waiting for its window is expected to start
ALTER TABLE generation_run ADD COLUMN expected_start TIMESTAMPTZ;

CREATE INDEX generation_run_dispatch ON generation_run (status) WHERE submitted;

-- A GPU pool's off-peak windows, in the pool's own time zone. A pool with no windows
-- (every pool not named here, 'default' included) takes batch work at any time.
CREATE TABLE gpu_pool (
    name        TEXT PRIMARY KEY,
    time_zone   TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE generation_window (
    pool    TEXT NOT NULL REFERENCES gpu_pool (name) ON DELETE CASCADE,
    opens   TIME NOT NULL,
    -- before opens: the window runs past midnight
    closes  TIME NOT NULL CHECK (closes <> opens),
    PRIMARY KEY (pool, opens)
);

-- Each merchant's nightly catalog sync and incremental run: a Quartz cron trigger
-- (nightly-<merchant>) is kept in step with this row.
CREATE TABLE merchant_schedule (
    merchant_id  TEXT PRIMARY KEY REFERENCES merchant (id),
    cron         TEXT        NOT NULL,
    time_zone    TEXT        NOT NULL,
    pool         TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Within a lane, paid plans go ahead of free ones; a free run that has waited long
-- enough (p2p.schedule.aging) counts as paid, so none starves.
ALTER TABLE merchant ADD COLUMN plan TEXT NOT NULL DEFAULT 'FREE' CHECK (plan IN ('FREE', 'PAID'));
ALTER TABLE generation_run ADD COLUMN queued_at TIMESTAMPTZ;

-- The processes that execute submitted runs (serve and worker). Each heartbeats; a run
-- whose node has stopped heartbeating is recovered by another node and resumed from its
-- last committed chunk.
CREATE TABLE node (
    id            TEXT PRIMARY KEY,
    role          TEXT        NOT NULL,
    host          TEXT        NOT NULL,
    pid           BIGINT      NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- stopping: takes no more runs
    draining      BOOLEAN     NOT NULL DEFAULT false,
    stopped_at    TIMESTAMPTZ
);

ALTER TABLE generation_run ADD COLUMN node_id TEXT REFERENCES node (id);
