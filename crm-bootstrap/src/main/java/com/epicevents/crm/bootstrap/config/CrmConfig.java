package com.epicevents.crm.bootstrap.config;

import com.epicevents.crm.application.service.SecuritySettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The resolved configuration of one run: defaults, then crm.conf, then the environment, then
 * the command line, each later layer winning. Built by {@link CrmConfigLoader}, which validates
 * every value; {@link #origin(Setting)} tells where each one came from.
 *
 * <p>Nullable components: {@code dbUrl} (null means the embedded database), {@code dbUser},
 * {@code dbPassword}, {@code dbAppPassword} (null until {@code crm admin init} generates it),
 * {@code sentryDsn} (null means monitoring is off) and {@code webhooksSecretKey} (null until init
 * or serve generates it).
 */
public record CrmConfig(
    Path home,
    ConfigOrigin homeOrigin,
    Path configFile,
    ConfigOrigin configFileOrigin,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String dbAppUser,
    String dbAppPassword,
    int embeddedPort,
    String httpHost,
    int httpPort,
    String sentryDsn,
    String sentryEnvironment,
    int sessionIdleMinutes,
    int sessionAbsoluteHours,
    int reauthMinutes,
    int argon2MemoryKib,
    int argon2Iterations,
    int argon2Parallelism,
    boolean webhooksAllowPrivateNetworks,
    String webhooksSecretKey,
    OperationsConfig operations,
    Map<Setting, ConfigOrigin> origins) {

  /** The name of the CRM database inside the embedded server. */
  public static final String EMBEDDED_DATABASE = "crm";
  /** The superuser initdb creates in the embedded server; it owns the CRM database. */
  public static final String EMBEDDED_OWNER = "postgres";

  public CrmConfig {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(homeOrigin, "homeOrigin");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(configFileOrigin, "configFileOrigin");
    Objects.requireNonNull(dbAppUser, "dbAppUser");
    Objects.requireNonNull(httpHost, "httpHost");
    Objects.requireNonNull(sentryEnvironment, "sentryEnvironment");
    Objects.requireNonNull(operations, "operations");
    EnumMap<Setting, ConfigOrigin> all = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      all.put(setting, origins.getOrDefault(setting, ConfigOrigin.byDefault()));
    }
    origins = Map.copyOf(all);
  }

  /** True when no db.url is configured: the CRM runs its own PostgreSQL in {@link #dataDirectory()}. */
  public boolean embedded() {
    return dbUrl == null;
  }

  /** The database holding the CRM data: {@code crm} when embedded, else the one db.url names. */
  public String databaseName() {
    return embedded() ? EMBEDDED_DATABASE : databaseNameOf(dbUrl);
  }

  /** The role that owns the schema and runs migrations. Null for an external server without db.user. */
  public String ownerUser() {
    return embedded() ? EMBEDDED_OWNER : dbUser;
  }

  public ConfigOrigin origin(Setting setting) {
    return origins.get(setting);
  }

  /** The value as {@code crm admin status} may print it: secrets only say whether they are set. */
  public String displayValue(Setting setting) {
    String raw = rawValue(setting);
    if (raw == null) {
      if (setting == Setting.DB_URL) {
        return "(not set: embedded database)";
      }
      return setting == Setting.DB_USER && embedded() ? "(not set: the embedded owner is " + EMBEDDED_OWNER + ")" : "(not set)";
    }
    if (setting.secret()) {
      return "(set)";
    }
    return setting == Setting.DB_URL ? withoutSecrets(raw) : raw;
  }

  /** Session and re-authentication durations from the security.* keys; login defence keeps its defaults. */
  public SecuritySettings securitySettings() {
    SecuritySettings defaults = SecuritySettings.DEFAULTS;
    return new SecuritySettings(
        Duration.ofMinutes(sessionIdleMinutes),
        Duration.ofHours(sessionAbsoluteHours),
        Duration.ofMinutes(reauthMinutes),
        defaults.throttleAfterFailures(),
        defaults.lockAfterFailures(),
        defaults.lockDuration());
  }

  /** Never prints a password or the Sentry DSN. */
  @Override
  public String toString() {
    return Stream.of(Setting.values())
        .map(s -> s.key() + "=" + displayValue(s))
        .collect(Collectors.joining(", ", "CrmConfig[home=" + home + ", config=" + configFile + ", ", "]"));
  }

  private String rawValue(Setting setting) {
    return switch (setting) {
      case DB_URL -> dbUrl;
      case DB_USER -> dbUser;
      case DB_PASSWORD -> dbPassword;
      case DB_APP_USER -> dbAppUser;
      case DB_APP_PASSWORD -> dbAppPassword;
      case EMBEDDED_PORT -> Integer.toString(embeddedPort);
      case HTTP_HOST -> httpHost;
      case HTTP_PORT -> Integer.toString(httpPort);
      case SENTRY_DSN -> sentryDsn;
      case SENTRY_ENVIRONMENT -> sentryEnvironment;
      case SESSION_IDLE_MINUTES -> Integer.toString(sessionIdleMinutes);
      case SESSION_ABSOLUTE_HOURS -> Integer.toString(sessionAbsoluteHours);
      case REAUTH_MINUTES -> Integer.toString(reauthMinutes);
      case ARGON2_MEMORY_KIB -> Integer.toString(argon2MemoryKib);
      case ARGON2_ITERATIONS -> Integer.toString(argon2Iterations);
      case ARGON2_PARALLELISM -> Integer.toString(argon2Parallelism);
      case WEBHOOKS_ALLOW_PRIVATE_NETWORKS -> Boolean.toString(webhooksAllowPrivateNetworks);
      case WEBHOOKS_SECRET_KEY -> webhooksSecretKey;
      case HTTP_MAX_CONNECTIONS, HTTP_MAX_CONNECTIONS_PER_ADDRESS, HTTP_BODY_TIMEOUT_SECONDS, HTTP_IDLE_TIMEOUT_SECONDS,
          HTTP_RATE_LIMIT_PER_SECOND, HTTP_RATE_LIMIT_BURST, METRICS_PORT, METRICS_HOST, LOG_FORMAT, HTTP_IDEMPOTENCY_RETENTION_HOURS,
          DB_CONCURRENCY ->
          operations.raw(setting);
    };
  }

  /** A JDBC URL fit for printing: any {@code ...password=} parameter is masked. */
  public static String withoutSecrets(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)([?&][a-z]*password=)[^&]*", "$1***");
  }

  /**
   * The database a PostgreSQL JDBC URL names ({@code jdbc:postgresql://host:port/NAME?...} or
   * {@code jdbc:postgresql:NAME}); empty when it names none.
   */
  static String databaseNameOf(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:postgresql:".length());
    int query = rest.indexOf('?');
    if (query >= 0) {
      rest = rest.substring(0, query);
    }
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      rest = slash < 0 ? "" : rest.substring(slash + 1);
    }
    return URLDecoder.decode(rest, StandardCharsets.UTF_8);
  }
}
