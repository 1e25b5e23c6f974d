-- A host application's own first migration, in Flyway's default location (classpath:db/migration)
-- and default schema: EmbeddedMigrationsTest checks that it and the CRM's V1 live side by side.
CREATE TABLE host_orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_name text NOT NULL
);
