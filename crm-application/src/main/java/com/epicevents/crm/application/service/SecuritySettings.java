package com.epicevents.crm.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Session and login-defence settings.
 *
 * @param idleTimeout a session unused this long expires (default 30 min)
 * @param absoluteTimeout a session expires this long after login whatever its use (default 12 h)
 * @param reauthenticationWindow interactive changes need the password typed within this window;
 *     zero means before every change (default 5 min)
 * @param throttleAfterFailures failures in a row after which each attempt must wait (default 5)
 * @param lockAfterFailures failures in a row that lock the account (default 10)
 * @param lockDuration how long a lock lasts (default 15 min)
 */
public record SecuritySettings(
    Duration idleTimeout,
    Duration absoluteTimeout,
    Duration reauthenticationWindow,
    int throttleAfterFailures,
    int lockAfterFailures,
    Duration lockDuration) {

  public static final SecuritySettings DEFAULTS = new SecuritySettings(
      Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofMinutes(5), 5, 10, Duration.ofMinutes(15));

  public SecuritySettings {
    Objects.requireNonNull(idleTimeout);
    Objects.requireNonNull(absoluteTimeout);
    Objects.requireNonNull(reauthenticationWindow);
    Objects.requireNonNull(lockDuration);
    if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.isNegative() || absoluteTimeout.isZero()) {
      throw new IllegalArgumentException("session timeouts must be positive");
    }
    if (reauthenticationWindow.isNegative()) {
      throw new IllegalArgumentException("the re-authentication window cannot be negative");
    }
    if (throttleAfterFailures < 1 || lockAfterFailures < throttleAfterFailures) {
      throw new IllegalArgumentException("lockAfterFailures must be ≥ throttleAfterFailures ≥ 1");
    }
  }

  public SecuritySettings withIdleTimeout(Duration timeout) {
    return new SecuritySettings(timeout, absoluteTimeout, reauthenticationWindow, throttleAfterFailures, lockAfterFailures, lockDuration);
  }

  public SecuritySettings withReauthenticationWindow(Duration window) {
    return new SecuritySettings(idleTimeout, absoluteTimeout, window, throttleAfterFailures, lockAfterFailures, lockDuration);
  }
}
