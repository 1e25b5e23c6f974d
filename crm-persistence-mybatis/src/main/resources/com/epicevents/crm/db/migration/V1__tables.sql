-- Epic Events CRM: tables and their constraints, in schema crm (Flyway runs this with
-- search_path = crm). The CHECKs mirror the domain's value objects so that direct SQL cannot
-- store what the domain would refuse. Constraint names are stable: the Java error translator
-- maps them to field names.
--
-- Single-line text (names, company, username, e-mail, phone, location, event name) refuses the
-- control characters the domain refuses (Unicode Cc: U+0001-U+001F, U+007F-U+009F, and the line
-- and paragraph separators U+2028/U+2029); written as explicit ranges so the result does not
-- depend on the server's locale. PostgreSQL text can never hold NUL, which is all free text
-- (client contact, notes) refuses. The e-mail shape is the domain's regex, Java's \s spelled
-- out (space, \t \n \v \f \r) rather than [:space:], whose meaning depends on the locale.

CREATE TABLE collaborators (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      varchar(50)  NOT NULL,
  full_name     varchar(100) NOT NULL,
  email         varchar(254),
  phone         varchar(30)  NOT NULL,
  team          varchar(20)  NOT NULL,
  active        boolean      NOT NULL DEFAULT true,
  password_hash text         NOT NULL,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  updated_at    timestamptz  NOT NULL DEFAULT now(),
  version       bigint       NOT NULL DEFAULT 1,
  CONSTRAINT collaborators_username_check CHECK (username ~ '^[A-Za-z0-9._-]{3,50}$'),
  CONSTRAINT collaborators_full_name_check CHECK (
    char_length(full_name) BETWEEN 1 AND 100 AND btrim(full_name) <> ''
    AND full_name !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]'),
  CONSTRAINT collaborators_email_check CHECK (
    email ~ '^[^@ \t\n\v\f\r]{1,64}@[^@ \t\n\v\f\r.]+(\.[^@ \t\n\v\f\r.]+)+$'
    AND email !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]'),
  CONSTRAINT collaborators_phone_check CHECK (
    phone ~ '^\+?[0-9 ().-]+$'
    AND char_length(regexp_replace(phone, '[^0-9]', '', 'g')) BETWEEN 4 AND 20),
  CONSTRAINT collaborators_team_check CHECK (team IN ('MANAGEMENT', 'SALES', 'SUPPORT')),
  CONSTRAINT collaborators_password_hash_check CHECK (password_hash <> ''),
  CONSTRAINT collaborators_version_check CHECK (version >= 1)
);

CREATE TABLE clients (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  full_name        varchar(100) NOT NULL,
  email            varchar(254),
  phone            varchar(30)  NOT NULL,
  company_name     varchar(100) NOT NULL,
  created_at       timestamptz  NOT NULL DEFAULT now(),
  updated_at       timestamptz  NOT NULL DEFAULT now(),
  last_contact_at  timestamptz  NOT NULL DEFAULT now(),
  sales_contact_id bigint       NOT NULL
    CONSTRAINT clients_sales_contact_id_fkey REFERENCES collaborators (id),
  version          bigint       NOT NULL DEFAULT 1,
  CONSTRAINT clients_full_name_check CHECK (
    char_length(full_name) BETWEEN 1 AND 100 AND btrim(full_name) <> ''
    AND full_name !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]'),
  CONSTRAINT clients_email_check CHECK (
    email ~ '^[^@ \t\n\v\f\r]{1,64}@[^@ \t\n\v\f\r.]+(\.[^@ \t\n\v\f\r.]+)+$'
    AND email !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]'),
  CONSTRAINT clients_phone_check CHECK (
    phone ~ '^\+?[0-9 ().-]+$'
    AND char_length(regexp_replace(phone, '[^0-9]', '', 'g')) BETWEEN 4 AND 20),
  CONSTRAINT clients_company_name_check CHECK (
    char_length(company_name) BETWEEN 1 AND 100 AND btrim(company_name) <> ''
    AND company_name !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]'),
  CONSTRAINT clients_version_check CHECK (version >= 1)
);

-- No sales contact column: a contract's sales contact is its client's (derived), so
-- reassigning a client moves its contracts with it.
CREATE TABLE contracts (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_id    bigint        NOT NULL CONSTRAINT contracts_client_id_fkey REFERENCES clients (id),
  total_amount numeric(12,2) NOT NULL,
  amount_due   numeric(12,2) NOT NULL,
  signed       boolean       NOT NULL DEFAULT false,
  signed_at    timestamptz,
  created_at   timestamptz   NOT NULL DEFAULT now(),
  updated_at   timestamptz   NOT NULL DEFAULT now(),
  version      bigint        NOT NULL DEFAULT 1,
  CONSTRAINT contracts_total_amount_check CHECK (total_amount >= 0),
  CONSTRAINT contracts_amount_due_check CHECK (amount_due >= 0 AND amount_due <= total_amount),
  CONSTRAINT contracts_signed_at_check CHECK (signed = (signed_at IS NOT NULL)),
  CONSTRAINT contracts_version_check CHECK (version >= 1)
);

CREATE TABLE events (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  contract_id        bigint        NOT NULL CONSTRAINT events_contract_id_fkey REFERENCES contracts (id),
  name               varchar(100),
  client_contact     varchar(500)  NOT NULL,
  start_at           timestamptz,
  end_at             timestamptz,
  support_contact_id bigint CONSTRAINT events_support_contact_id_fkey REFERENCES collaborators (id),
  location           varchar(200)  NOT NULL,
  attendees          integer       NOT NULL DEFAULT 0,
  notes              varchar(2000),
  created_at         timestamptz   NOT NULL DEFAULT now(),
  updated_at         timestamptz   NOT NULL DEFAULT now(),
  version            bigint        NOT NULL DEFAULT 1,
  CONSTRAINT events_name_check CHECK (
    char_length(name) BETWEEN 1 AND 100 AND btrim(name) <> ''
    AND name !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]'),
  CONSTRAINT events_client_contact_check CHECK (char_length(client_contact) BETWEEN 1 AND 500),
  CONSTRAINT events_end_at_check CHECK (end_at >= start_at),
  CONSTRAINT events_location_check CHECK (
    char_length(location) BETWEEN 1 AND 200 AND btrim(location) <> ''
    AND location !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]'),
  CONSTRAINT events_attendees_check CHECK (attendees BETWEEN 0 AND 1000000),
  CONSTRAINT events_version_check CHECK (version >= 1)
);

-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical entry), see AuditHashing.
CREATE TABLE audit_entries (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_id    bigint,
  action      varchar(50) NOT NULL,
  entity_type varchar(20) NOT NULL,
  entity_id   bigint,
  changes     jsonb       NOT NULL DEFAULT '{}',
  prev_hash   char(64)    NOT NULL,
  hash        char(64)    NOT NULL,
  CONSTRAINT audit_entries_action_check CHECK (action ~ '^[A-Z][A-Z0-9_]*$'),
  CONSTRAINT audit_entries_entity_type_check
    CHECK (entity_type IN ('COLLABORATOR', 'CLIENT', 'CONTRACT', 'EVENT', 'SESSION')),
  CONSTRAINT audit_entries_changes_check CHECK (jsonb_typeof(changes) = 'object'),
  CONSTRAINT audit_entries_prev_hash_check CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT audit_entries_hash_check CHECK (hash ~ '^[0-9a-f]{64}$'),
  -- One successor per entry: two writers can never fork the chain, even bypassing the lock.
  CONSTRAINT audit_entries_prev_hash_key UNIQUE (prev_hash)
);

-- Only the SHA-256 of a session token is stored.
CREATE TABLE sessions (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash            char(64)    NOT NULL,
  collaborator_id       bigint      NOT NULL
    CONSTRAINT sessions_collaborator_id_fkey REFERENCES collaborators (id),
  kind                  varchar(20) NOT NULL,
  created_at            timestamptz NOT NULL,
  last_used_at          timestamptz NOT NULL,
  absolute_expires_at   timestamptz NOT NULL,
  password_confirmed_at timestamptz,
  revoked               boolean     NOT NULL DEFAULT false,
  revoked_at            timestamptz,
  CONSTRAINT sessions_token_hash_key UNIQUE (token_hash),
  CONSTRAINT sessions_token_hash_check CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT sessions_kind_check CHECK (kind IN ('INTERACTIVE', 'API')),
  CONSTRAINT sessions_revoked_at_check CHECK (revoked = (revoked_at IS NOT NULL))
);

-- Failed-login counters per lower-cased username (known or not), shared by every process.
CREATE TABLE login_attempts (
  username_key         varchar(100) PRIMARY KEY,
  consecutive_failures integer      NOT NULL DEFAULT 0,
  last_failure_at      timestamptz,
  locked_until         timestamptz,
  CONSTRAINT login_attempts_consecutive_failures_check CHECK (consecutive_failures >= 0)
);
