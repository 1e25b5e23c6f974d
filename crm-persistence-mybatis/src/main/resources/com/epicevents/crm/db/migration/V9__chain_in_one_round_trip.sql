-- Issue 9: the audit chain's locked window in as few round trips as possible. A change holds the
-- chain's advisory lock from its audit append to its COMMIT, and every other writer (thread or
-- process) queues behind it; each statement sent in that window is a round trip (on a busy machine,
-- also a wait for a CPU) added to everybody's wait. These two functions do in one call what took
-- three statements (the audit append) and four (the change log entry and its NOTIFY).
--
-- Both take the lock themselves (it is re-entrant within a transaction). Under READ COMMITTED a
-- VOLATILE function's statements each take a new snapshot, so the last hash is read after the
-- lock is granted: it is the hash the previous holder committed. The UNIQUE (prev_hash)
-- constraint stays the backstop: two entries can never claim the same predecessor.

-- One audit entry: hash = hex(SHA-256(prev_hash || canonical)), canonical being the entry's
-- canonical JSON written by AuditHashing (the Java side keeps that definition, and verifies every
-- hash with it). Returns the entry's id.
CREATE FUNCTION append_audit_entry(chain_lock bigint, entry_at timestamptz, entry_actor_id bigint,
    entry_action text, entry_entity_type text, entry_entity_id bigint, entry_changes jsonb, entry_canonical text)
  RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text;
  appended bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(chain_lock);
  SELECT a.hash INTO previous FROM crm.audit_entries a ORDER BY a.id DESC LIMIT 1;
  previous := coalesce(previous, repeat('0', 64));
  INSERT INTO crm.audit_entries (at, actor_id, action, entity_type, entity_id, changes, prev_hash, hash)
  VALUES (entry_at, entry_actor_id, entry_action, entry_entity_type, entry_entity_id, entry_changes, previous,
          encode(sha256(convert_to(previous || entry_canonical, 'UTF8')), 'hex'))
  RETURNING id INTO appended;
  RETURN appended;
END
$$;

-- One entry of the changes feed, numbered under the chain lock (commit order; see V6). Returns how
-- many active webhook subscriptions want wanted_type (none when it is null). When none does, it has
-- also sent the NOTIFY that wakes the feed's long polls (payload: the sequence number); otherwise
-- the caller queues the attempts and sends the NOTIFY that wakes the delivery workers too.
CREATE FUNCTION append_change(chain_lock bigint, change_at timestamptz, change_entity_type text,
    change_entity_id bigint, change_action text, change_version bigint, change_actor_id bigint,
    change_fields text, wanted_type text)
  RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  numbered bigint;
  wanting bigint := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(chain_lock);
  INSERT INTO crm.changes (seq, at, entity_type, entity_id, action, version, actor_id, changed_fields)
  VALUES (nextval('crm.changes_seq'), change_at, change_entity_type, change_entity_id, change_action,
          change_version, change_actor_id, string_to_array(change_fields, ','))
  RETURNING seq INTO numbered;
  IF wanted_type IS NOT NULL THEN
    SELECT count(*) INTO wanting FROM crm.webhook_subscriptions s
     WHERE s.active AND (wanted_type = ANY (s.event_types) OR '*' = ANY (s.event_types));
  END IF;
  IF wanting = 0 THEN
    PERFORM pg_notify('crm_changes', numbered::text);
  END IF;
  RETURN wanting;
END
$$;
