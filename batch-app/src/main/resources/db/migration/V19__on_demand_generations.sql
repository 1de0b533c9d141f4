-- On-demand generations (POST /api/v1/generations): a run of kind ON_DEMAND in the on-demand
-- lane whose render tasks are planned from one request for one of the merchant's products
-- rather than from a catalog import, so it has no catalog file.
ALTER TABLE generation_run ALTER COLUMN catalog_file DROP NOT NULL;

CREATE TABLE generation_request (
    run_id           BIGINT PRIMARY KEY REFERENCES generation_run (id),
    product_id       BIGINT  NOT NULL REFERENCES product (id),
    -- null: every scene of the set (or, with a prompt, the set's first scene)
    scene            TEXT,
    -- replace the scene's rendered prompts when given
    prompt           TEXT,
    negative_prompt  TEXT,
    -- variant n renders with seed + n - 1; chosen at random when the request named none,
    -- and kept here so that a restarted run plans the same tasks
    seed             BIGINT  NOT NULL,
    width            INT,
    height           INT
);
