-- The host's own first migration, in Flyway's default location and the host's default schema.
CREATE TABLE host_orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  crm_client_id bigint NOT NULL,
  note text NOT NULL
);
