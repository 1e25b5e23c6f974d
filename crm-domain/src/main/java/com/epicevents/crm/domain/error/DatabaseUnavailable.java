package com.epicevents.crm.domain.error;

/**
 * The core cannot reach its database (server down or unreachable, connections refused or
 * exhausted, credentials rejected). Nothing was changed; the same call may succeed later. The
 * message says what failed, never with SQL, values or secrets (HTTP 503).
 */
public final class DatabaseUnavailable extends CrmException {
  public DatabaseUnavailable(String message) {
    super(message, true);
  }
}
