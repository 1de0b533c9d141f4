-- Remote partitioning of generateImagesStep. The manager sends one StepExecutionRequest per
-- partition into a Spring Integration JDBC channel (this table, Spring Integration's own
-- PostgreSQL layout); workers take them with SELECT ... FOR UPDATE SKIP LOCKED, so each
-- request goes to one worker.
CREATE SEQUENCE int_message_seq START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE int_channel_message (
    message_id       CHAR(36)     NOT NULL,
    group_key        CHAR(36)     NOT NULL,
    created_date     BIGINT       NOT NULL,
    message_priority BIGINT,
    message_sequence BIGINT       NOT NULL DEFAULT nextval('int_message_seq'),
    message_content  BYTEA,
    region           VARCHAR(100) NOT NULL,
    CONSTRAINT int_channel_message_pk PRIMARY KEY (region, group_key, created_date, message_sequence)
);

CREATE INDEX int_channel_msg_delete_idx ON int_channel_message (region, group_key, message_id);

-- Which node took which partition, written in the transaction that takes its request off
-- the channel: a partition whose node dies is found here, at any instant after the take.
CREATE TABLE generate_partition (
    step_execution_id BIGINT      PRIMARY KEY,
    run_id            BIGINT      NOT NULL REFERENCES generation_run (id),
    node_id           TEXT        NOT NULL REFERENCES node (id),
    taken_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- set by the manager that found the node dead and marked the partition FAILED
    lost_at           TIMESTAMPTZ,
    -- set when the run's manager has restarted the run for it
    restarted         BOOLEAN     NOT NULL DEFAULT false
);

CREATE INDEX generate_partition_node_idx ON generate_partition (node_id);
