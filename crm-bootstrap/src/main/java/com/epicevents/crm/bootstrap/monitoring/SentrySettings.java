package com.epicevents.crm.bootstrap.monitoring;

/**
 * Where and how errors are reported. A null or blank DSN turns monitoring off.
 *
 * @param dsn the Sentry DSN (a secret: never logged, see {@link #toString()})
 * @param environment e.g. "production", "staging"; blank means "production"
 * @param release the application version, or null
 */
public record SentrySettings(String dsn, String environment, String release) {
  public static final String DEFAULT_ENVIRONMENT = "production";

  public SentrySettings {
    dsn = dsn == null || dsn.isBlank() ? null : dsn.strip();
    environment = environment == null || environment.isBlank() ? DEFAULT_ENVIRONMENT : environment.strip();
    release = release == null || release.isBlank() ? null : release.strip();
  }

  /** Monitoring switched off. */
  public static SentrySettings disabled() {
    return new SentrySettings(null, null, null);
  }

  public boolean enabled() {
    return dsn != null;
  }

  /** The DSN carries the project key: only say whether one is set. */
  @Override
  public String toString() {
    return "SentrySettings[dsn=" + (enabled() ? "(set)" : "(none)")
        + ", environment=" + environment + ", release=" + release + "]";
  }
}
