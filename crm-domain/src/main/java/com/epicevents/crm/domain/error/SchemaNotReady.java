package com.epicevents.crm.domain.error;

/**
 * The database is reachable but its CRM schema is not the one this core needs: not migrated at
 * all, older (migrations pending) or newer (a newer CRM migrated it). The message says what to
 * run. Raised when the core is built, and by a call that finds a table missing (HTTP 503).
 */
public final class SchemaNotReady extends CrmException {
  private final String found;
  private final String required;

  public SchemaNotReady(String found, String required, String message) {
    super(message, true);
    this.found = found;
    this.required = required;
  }

  /** The schema version found, or null when the CRM schema is not there at all. */
  public String found() {
    return found;
  }

  /** The schema version this core needs. */
  public String required() {
    return required;
  }
}
