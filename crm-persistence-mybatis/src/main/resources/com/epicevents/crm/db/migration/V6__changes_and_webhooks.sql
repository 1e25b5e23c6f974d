-- Issue 11: the changes feed (commit-ordered) and the webhook outbox.

-- One row per committed change of a collaborator, client, contract or event: names of the
-- changed fields, never their values. seq is taken from changes_seq while the writer holds the
-- audit chain's advisory lock (see MyBatisChangeLog): that lock is held until the transaction
-- ends, so seq order is commit order and a reader can never see a later seq before an earlier
-- one has committed or rolled back.
CREATE SEQUENCE changes_seq AS bigint CACHE 1 NO CYCLE;

CREATE TABLE changes (
  seq            bigint      PRIMARY KEY,
  at             timestamptz NOT NULL,
  entity_type    varchar(20) NOT NULL,
  entity_id      bigint      NOT NULL,
  action         varchar(50) NOT NULL,
  version        bigint      NOT NULL,
  actor_id       bigint,
  changed_fields text[]      NOT NULL,
  CONSTRAINT changes_entity_type_check CHECK (entity_type IN ('COLLABORATOR', 'CLIENT', 'CONTRACT', 'EVENT')),
  CONSTRAINT changes_action_check CHECK (action ~ '^[A-Z][A-Z0-9_]*$')
);
CREATE INDEX changes_entity_type_seq_idx ON changes (entity_type, seq);
-- The sequence belongs to the column (dropped with it; a restore moves it past the highest seq).
ALTER SEQUENCE changes_seq OWNED BY changes.seq;

-- Webhook subscriptions. The signing secrets are stored sealed (AES-256-GCM) with a key kept
-- outside the database (webhooks.secret-key in crm.conf), so a dump alone does not reveal them.
CREATE TABLE webhook_subscriptions (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url                   text        NOT NULL,
  event_types           text[]      NOT NULL,
  description           text,
  active                boolean     NOT NULL DEFAULT true,
  secret_sealed         text        NOT NULL,
  previous_secret_sealed text,
  previous_secret_until timestamptz,
  failing_since         timestamptz,
  disabled_reason       text,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  version               bigint      NOT NULL DEFAULT 1,
  CONSTRAINT webhook_subscriptions_url_check CHECK (url ~ '^https?://' AND length(url) <= 2000),
  CONSTRAINT webhook_subscriptions_description_check CHECK (description IS NULL OR length(description) <= 500)
);
CREATE TRIGGER webhook_subscriptions_touch BEFORE UPDATE ON webhook_subscriptions
  FOR EACH ROW EXECUTE FUNCTION touch_row();

-- The outbox: one event per announced change that at least one active subscription wanted,
-- its body serialised once so every attempt sends (and signs) the same bytes.
CREATE TABLE webhook_events (
  id          varchar(40) PRIMARY KEY,
  type        varchar(50) NOT NULL,
  occurred_at timestamptz NOT NULL,
  body        text        NOT NULL,
  CONSTRAINT webhook_events_id_check CHECK (id ~ '^evt_[0-9A-Za-z]+$')
);

-- One row per attempt: 'pending' (due at next_attempt_at), 'sending' (claimed by a worker until
-- claimed_until), 'succeeded' or 'failed' (a failed attempt that is retried has a 'pending'
-- successor).
CREATE TABLE webhook_deliveries (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subscription_id bigint      NOT NULL REFERENCES webhook_subscriptions (id),
  event_id        varchar(40) NOT NULL REFERENCES webhook_events (id),
  attempt         integer     NOT NULL,
  status          varchar(10) NOT NULL,
  next_attempt_at timestamptz,
  claimed_until   timestamptz,
  at              timestamptz,
  response_status integer,
  error           text,
  duration_ms     integer,
  CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending', 'sending', 'succeeded', 'failed')),
  CONSTRAINT webhook_deliveries_attempt_check CHECK (attempt >= 1)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)
  WHERE status IN ('pending', 'sending');
CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, id);

-- Subscription changes are audited as WEBHOOK entries.
ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_entity_type_check;
ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_entity_type_check
  CHECK (entity_type IN ('COLLABORATOR', 'CLIENT', 'CONTRACT', 'EVENT', 'SESSION', 'WEBHOOK'));
