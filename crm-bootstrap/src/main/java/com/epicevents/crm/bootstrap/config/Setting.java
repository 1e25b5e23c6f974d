package com.epicevents.crm.bootstrap.config;

import com.epicevents.crm.bootstrap.monitoring.SentrySettings;
import com.epicevents.crm.bootstrap.security.Argon2Settings;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every key crm.conf accepts, with the environment variable that overrides it and its default.
 * One list, so that an unknown key in the file is reported (a typo would otherwise be ignored)
 * and {@code crm admin status} can show every value and where it came from.
 */
public enum Setting {
  DB_URL("db.url", "CRM_DB_URL", null, false),
  DB_USER("db.user", "CRM_DB_USER", null, false),
  DB_PASSWORD("db.password", "CRM_DB_PASSWORD", null, true),
  DB_APP_USER("db.app.user", "CRM_DB_APP_USER", "crm_app", false),
  DB_APP_PASSWORD("db.app.password", "CRM_DB_APP_PASSWORD", null, true),
  EMBEDDED_PORT("embedded.port", null, "54329", false),
  HTTP_HOST("http.host", "CRM_HTTP_HOST", "127.0.0.1", false),
  HTTP_PORT("http.port", "CRM_HTTP_PORT", "8080", false),
  SENTRY_DSN("sentry.dsn", "CRM_SENTRY_DSN", null, true),
  SENTRY_ENVIRONMENT("sentry.environment", "CRM_SENTRY_ENVIRONMENT", SentrySettings.DEFAULT_ENVIRONMENT, false),
  SESSION_IDLE_MINUTES("security.session.idle-minutes", null, "30", false),
  SESSION_ABSOLUTE_HOURS("security.session.absolute-hours", null, "12", false),
  REAUTH_MINUTES("security.reauth-minutes", null, "5", false),
  // The hasher's defaults: OWASP's Argon2id minimum, 19 MiB, 2 passes, 1 lane (about 50 ms here).
  ARGON2_MEMORY_KIB("argon2.memory-kib", null, String.valueOf(Argon2Settings.DEFAULTS.memoryKiB()), false),
  ARGON2_ITERATIONS("argon2.iterations", null, String.valueOf(Argon2Settings.DEFAULTS.iterations()), false),
  ARGON2_PARALLELISM("argon2.parallelism", null, String.valueOf(Argon2Settings.DEFAULTS.parallelism()), false),
  // crm serve's limits (README "Limits"), metrics endpoint (off unless a port is set) and log format.
  HTTP_MAX_CONNECTIONS("http.max-connections", null, "2000", false),
  HTTP_MAX_CONNECTIONS_PER_ADDRESS("http.max-connections-per-address", null, "256", false),
  HTTP_BODY_TIMEOUT_SECONDS("http.body-timeout-seconds", null, "10", false),
  HTTP_IDLE_TIMEOUT_SECONDS("http.idle-timeout-seconds", null, "30", false),
  METRICS_PORT("metrics.port", "CRM_METRICS_PORT", null, false),
  METRICS_HOST("metrics.host", "CRM_METRICS_HOST", "127.0.0.1", false),
  LOG_FORMAT("log.format", "CRM_LOG_FORMAT", OperationsConfig.TEXT, false);

  private final String key;
  private final String environmentVariable;
  private final String defaultValue;
  private final boolean secret;

  Setting(String key, String environmentVariable, String defaultValue, boolean secret) {
    this.key = key;
    this.environmentVariable = environmentVariable;
    this.defaultValue = defaultValue;
    this.secret = secret;
  }

  /** The name in crm.conf, e.g. {@code http.port}. */
  public String key() {
    return key;
  }

  /** The environment variable that overrides the file, if there is one. */
  public Optional<String> environmentVariable() {
    return Optional.ofNullable(environmentVariable);
  }

  /** The built-in value, if there is one. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** Secrets are never printed, only said to be set or not. */
  public boolean secret() {
    return secret;
  }

  public static Optional<Setting> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
