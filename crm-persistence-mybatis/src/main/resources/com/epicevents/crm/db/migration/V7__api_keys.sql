-- Issue 10: API keys, machine credentials acting as their owner narrowed by scopes.
-- Only the SHA-256 of the whole key is stored; the 8-character prefix is public (lists, logs).
-- owner_team is the owner's team when the key was made: a key whose owner has moved to another
-- team is not honoured (and is revoked by the team change, in the same transaction).
CREATE TABLE api_keys (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id      bigint       NOT NULL
    CONSTRAINT api_keys_owner_id_fkey REFERENCES collaborators (id),
  owner_team    varchar(20)  NOT NULL,
  name          varchar(100) NOT NULL,
  prefix        char(8)      NOT NULL,
  token_hash    char(64)     NOT NULL,
  scopes        text[]       NOT NULL,
  created_at    timestamptz  NOT NULL,
  expires_at    timestamptz  NOT NULL,
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  CONSTRAINT api_keys_prefix_key UNIQUE (prefix),
  CONSTRAINT api_keys_token_hash_key UNIQUE (token_hash),
  CONSTRAINT api_keys_token_hash_check CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT api_keys_prefix_check CHECK (prefix ~ '^[0-9A-Za-z]{8}$'),
  CONSTRAINT api_keys_owner_team_check CHECK (owner_team IN ('MANAGEMENT', 'SALES', 'SUPPORT')),
  CONSTRAINT api_keys_name_check CHECK (length(btrim(name)) > 0),
  CONSTRAINT api_keys_scopes_check CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY[
    'clients:read', 'clients:write', 'contracts:read', 'contracts:write', 'events:read', 'events:write',
    'collaborators:read', 'collaborators:write', 'audit:read', 'changes:read', 'webhooks:manage']::text[]),
  CONSTRAINT api_keys_expiry_check CHECK (expires_at > created_at AND expires_at <= created_at + interval '366 days')
);
CREATE INDEX api_keys_owner_idx ON api_keys (owner_id, id);

-- Keys are revoked, never deleted: the application's role has no DELETE on this table.

-- Creation, revocation and refused uses are audited as API_KEY entries.
ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_entity_type_check;
ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_entity_type_check
  CHECK (entity_type IN ('COLLABORATOR', 'CLIENT', 'CONTRACT', 'EVENT', 'SESSION', 'WEBHOOK', 'API_KEY'));
