-- One index per list filter, each ending in id, so that a keyset page
-- (WHERE id > :after ... ORDER BY id LIMIT n) is an index scan whatever the table's size.

-- Log-in and uniqueness: usernames regardless of case, e-mail (when present) regardless of case.
CREATE UNIQUE INDEX collaborators_username_key ON collaborators (lower(username));
CREATE UNIQUE INDEX collaborators_email_key ON collaborators (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX collaborators_team_idx ON collaborators (team, id);

CREATE INDEX clients_sales_contact_idx ON clients (sales_contact_id, id);

CREATE INDEX contracts_client_idx ON contracts (client_id, id);
CREATE INDEX contracts_unsigned_idx ON contracts (id) WHERE NOT signed;
CREATE INDEX contracts_unpaid_idx ON contracts (id) WHERE amount_due > 0;

CREATE INDEX events_contract_idx ON events (contract_id, id);
CREATE INDEX events_support_contact_idx ON events (support_contact_id, id);
CREATE INDEX events_unassigned_idx ON events (id) WHERE support_contact_id IS NULL;
CREATE INDEX events_start_idx ON events (start_at);

CREATE INDEX audit_entries_entity_idx ON audit_entries (entity_type, entity_id, id);
CREATE INDEX audit_entries_actor_idx ON audit_entries (actor_id, id);

-- revokeAllOf: the open sessions of one collaborator.
CREATE INDEX sessions_open_by_collaborator_idx ON sessions (collaborator_id) WHERE NOT revoked;

-- Client search (case-insensitive substring of name, company or e-mail): trigram GIN indexes
-- serve ILIKE '%text%'. pg_trgm ships with PostgreSQL and is a trusted extension since 13, so
-- a database owner without superuser rights may install it; when the server lacks it (or
-- refuses), the search still works, as a filtered scan without an index.
DO $$
DECLARE
  ext_schema text;
BEGIN
  SELECT n.nspname INTO ext_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'pg_trgm';
  IF ext_schema IS NULL AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    BEGIN
      CREATE EXTENSION pg_trgm WITH SCHEMA crm;
      ext_schema := 'crm';
    EXCEPTION WHEN insufficient_privilege OR feature_not_supported OR undefined_file THEN
      RAISE NOTICE 'pg_trgm unavailable (%): client search runs without a trigram index', SQLERRM;
    END;
  END IF;
  IF ext_schema IS NOT NULL THEN
    EXECUTE format('CREATE INDEX clients_full_name_trgm ON crm.clients USING gin (full_name %I.gin_trgm_ops)', ext_schema);
    EXECUTE format('CREATE INDEX clients_company_name_trgm ON crm.clients USING gin (company_name %I.gin_trgm_ops)', ext_schema);
    EXECUTE format('CREATE INDEX clients_email_trgm ON crm.clients USING gin (email %I.gin_trgm_ops)', ext_schema);
  END IF;
END
$$;
