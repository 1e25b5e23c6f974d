package com.epicevents.crm.application.port.out;

import java.time.Instant;

/** Failed logins in a row for one username key, and the lock they caused. */
public record LoginAttempts(int consecutiveFailures, Instant lastFailureAt, Instant lockedUntil) {
  public static final LoginAttempts NONE = new LoginAttempts(0, null, null);
}
