-- Invariants the database keeps even against direct SQL by the application role.
-- Refusals raise SQLSTATE 'EC001' with the offending column, which the Java error translator
-- turns into BusinessRuleViolated naming that field.

-- Every saved change bumps the version (optimistic locking) and, unless the writer set it,
-- the update time.
CREATE FUNCTION touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER collaborators_touch BEFORE UPDATE ON collaborators
  FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE TRIGGER clients_touch BEFORE UPDATE ON clients
  FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE TRIGGER contracts_touch BEFORE UPDATE ON contracts
  FOR EACH ROW EXECUTE FUNCTION touch_row();
CREATE TRIGGER events_touch BEFORE UPDATE ON events
  FOR EACH ROW EXECUTE FUNCTION touch_row();

-- Rule 1: a signed contract stays signed, and when it was signed never changes.
CREATE FUNCTION keep_contract_signed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed AND NOT NEW.signed THEN
    RAISE EXCEPTION 'a signed contract cannot be marked as unsigned'
      USING ERRCODE = 'EC001', COLUMN = 'signed', TABLE = TG_TABLE_NAME;
  END IF;
  IF OLD.signed_at IS NOT NULL AND NEW.signed_at IS DISTINCT FROM OLD.signed_at THEN
    RAISE EXCEPTION 'the signing time of a signed contract cannot change'
      USING ERRCODE = 'EC001', COLUMN = 'signed_at', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER contracts_keep_signed BEFORE UPDATE ON contracts
  FOR EACH ROW EXECUTE FUNCTION keep_contract_signed();

-- Rule 3: an event belongs to a signed contract (contracts never become unsigned again, so
-- checking on insert and on a change of contract is enough).
CREATE FUNCTION require_signed_contract() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM crm.contracts c WHERE c.id = NEW.contract_id AND c.signed) THEN
    IF NOT EXISTS (SELECT 1 FROM crm.contracts c WHERE c.id = NEW.contract_id) THEN
      RETURN NEW; -- the foreign key reports a missing contract
    END IF;
    RAISE EXCEPTION 'an event can only be created for a signed contract'
      USING ERRCODE = 'EC001', COLUMN = 'contract_id', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER events_require_signed_contract BEFORE INSERT OR UPDATE OF contract_id ON events
  FOR EACH ROW EXECUTE FUNCTION require_signed_contract();

-- Rule 8: nothing is hard-deleted (DELETE and TRUNCATE refused, whoever asks).
CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% records are never deleted', TG_TABLE_NAME
    USING ERRCODE = 'EC001', TABLE = TG_TABLE_NAME;
END
$$;

CREATE TRIGGER collaborators_no_delete BEFORE DELETE ON collaborators
  FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER collaborators_no_truncate BEFORE TRUNCATE ON collaborators
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER clients_no_delete BEFORE DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER clients_no_truncate BEFORE TRUNCATE ON clients
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER contracts_no_delete BEFORE DELETE ON contracts
  FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER contracts_no_truncate BEFORE TRUNCATE ON contracts
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION refuse_delete();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();

-- Audit entries are insert-only.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are never changed or deleted'
    USING ERRCODE = 'EC001', TABLE = TG_TABLE_NAME;
END
$$;

CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- A revoked session stays revoked.
CREATE FUNCTION keep_session_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.revoked AND (NOT NEW.revoked OR NEW.revoked_at IS DISTINCT FROM OLD.revoked_at) THEN
    RAISE EXCEPTION 'a revoked session cannot be reopened'
      USING ERRCODE = 'EC001', COLUMN = 'revoked', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER sessions_keep_revoked BEFORE UPDATE ON sessions
  FOR EACH ROW EXECUTE FUNCTION keep_session_revoked();
