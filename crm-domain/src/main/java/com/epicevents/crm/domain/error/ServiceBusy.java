package com.epicevents.crm.domain.error;

/**
 * The CRM is checking as many passwords as it can at once (they are deliberately slow to check):
 * this one was not queued. Retry after a moment (HTTP 503 with Retry-After). Only password
 * checks are ever refused this way; every other request is served as usual.
 */
public final class ServiceBusy extends CrmException {
  private final long retryAfterSeconds;

  public ServiceBusy(long retryAfterSeconds) {
    super("the CRM is busy checking other passwords: try again in " + Math.max(1, retryAfterSeconds) + " second(s)");
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
