-- Issue 10: the outcomes of requests sent with an Idempotency-Key (integrations.md section 2).
-- One row per (credential owner, key), written in the same transaction as the change the request
-- made, so a client that retries gets the stored response and the change exists exactly once.
-- Rows older than the retention (http.idempotency.retention-hours) count as absent and are pruned
-- by `crm serve` in batches, oldest first (idempotency_records_created_at_idx).
CREATE TABLE idempotency_records (
  owner_id        bigint       NOT NULL REFERENCES collaborators (id),
  idempotency_key varchar(255) NOT NULL,
  fingerprint     char(64)     NOT NULL,
  status          smallint     NOT NULL,
  content_type    text,
  location        text,
  etag            text,
  body            bytea        NOT NULL,
  created_at      timestamptz  NOT NULL,
  PRIMARY KEY (owner_id, idempotency_key),
  CONSTRAINT idempotency_records_key_check CHECK (idempotency_key ~ '^[!-~]{1,255}$'),
  CONSTRAINT idempotency_records_fingerprint_check CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  CONSTRAINT idempotency_records_status_check CHECK (status BETWEEN 100 AND 599)
);
CREATE INDEX idempotency_records_created_at_idx ON idempotency_records (created_at);
