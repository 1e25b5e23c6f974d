-- A contract's and an event's sales contact is always its client's (product rule: derived, so
-- reassigning a client moves its contracts and events with it). The domain never stores it. The
-- database keeps a copy on contracts and events, written only by the triggers below, so that
-- "contracts / events of a salesperson's clients" is an index range like every other list filter
-- (measured on 1M events: 14-16 ms a page through the client join, well under 1 ms with the copy).

ALTER TABLE contracts ADD COLUMN sales_contact_id bigint;
ALTER TABLE events ADD COLUMN sales_contact_id bigint;

-- Moving the copy is not an edit of the contract or event: no version bump, so nobody editing
-- one of them gets a conflict because its client changed hands. Clients keep the full rule.
CREATE OR REPLACE FUNCTION touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME IN ('contracts', 'events')
     AND to_jsonb(NEW) - 'sales_contact_id' = to_jsonb(OLD) - 'sales_contact_id' THEN
    RETURN NEW;
  END IF;
  NEW.version := OLD.version + 1;
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END
$$;

-- On insert (and on any attempt to set it by hand) the copy is taken from the parent record.
-- Functions name their tables with the schema: triggers run with the caller's search_path.
-- A missing parent leaves it null, and the foreign key on client_id / contract_id refuses the row.
CREATE FUNCTION copy_sales_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'contracts' THEN
    SELECT c.sales_contact_id INTO NEW.sales_contact_id FROM crm.clients c WHERE c.id = NEW.client_id;
  ELSE
    SELECT k.sales_contact_id INTO NEW.sales_contact_id FROM crm.contracts k WHERE k.id = NEW.contract_id;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER contracts_copy_sales_contact BEFORE INSERT OR UPDATE OF client_id, sales_contact_id ON contracts
  FOR EACH ROW EXECUTE FUNCTION copy_sales_contact();
CREATE TRIGGER events_copy_sales_contact BEFORE INSERT OR UPDATE OF contract_id, sales_contact_id ON events
  FOR EACH ROW EXECUTE FUNCTION copy_sales_contact();

-- A client changing hands moves the copy on its contracts, and from them on their events.
CREATE FUNCTION cascade_sales_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'clients' THEN
    UPDATE crm.contracts SET sales_contact_id = NEW.sales_contact_id WHERE client_id = NEW.id;
  ELSE
    UPDATE crm.events SET sales_contact_id = NEW.sales_contact_id WHERE contract_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER clients_cascade_sales_contact AFTER UPDATE OF sales_contact_id ON clients
  FOR EACH ROW WHEN (OLD.sales_contact_id IS DISTINCT FROM NEW.sales_contact_id)
  EXECUTE FUNCTION cascade_sales_contact();
CREATE TRIGGER contracts_cascade_sales_contact AFTER UPDATE OF sales_contact_id ON contracts
  FOR EACH ROW WHEN (OLD.sales_contact_id IS DISTINCT FROM NEW.sales_contact_id)
  EXECUTE FUNCTION cascade_sales_contact();

-- Existing rows (the triggers above fill every new one).
UPDATE contracts k SET sales_contact_id = c.sales_contact_id FROM clients c WHERE c.id = k.client_id;
UPDATE events e SET sales_contact_id = k.sales_contact_id FROM contracts k WHERE k.id = e.contract_id;

CREATE INDEX contracts_sales_contact_idx ON contracts (sales_contact_id, id);
CREATE INDEX events_sales_contact_idx ON events (sales_contact_id, id);
