package com.epicevents.crm.domain.error;

/** Too many failed logins for this username: retry later (HTTP 429 with Retry-After). */
public final class LoginThrottled extends CrmException {
  private final long retryAfterSeconds;
  private final boolean locked;

  public LoginThrottled(long retryAfterSeconds, boolean locked) {
    super(locked
        ? "too many failed attempts: the account is locked, try again in " + minutes(retryAfterSeconds) + " minute(s)"
        : "too many failed attempts: retry after " + retryAfterSeconds + " second(s)");
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    this.locked = locked;
  }

  private static long minutes(long seconds) {
    return Math.max(1, (seconds + 59) / 60);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public boolean locked() {
    return locked;
  }
}
