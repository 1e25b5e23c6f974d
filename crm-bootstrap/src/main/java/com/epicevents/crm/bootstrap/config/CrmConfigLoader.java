package com.epicevents.crm.bootstrap.config;

import com.epicevents.crm.core.Argon2Settings;
import com.epicevents.crm.http.HttpLimits;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Resolves a {@link CrmConfig}: defaults &lt; crm.conf &lt; environment &lt; command line. The
 * environment is passed in as a map so that tests (and embedders) decide what it holds.
 */
public final class CrmConfigLoader {
  /** Where the CRM keeps its files when neither --home nor CRM_HOME says otherwise. */
  public static final String DEFAULT_HOME = ".local/share/epic-crm";
  public static final String CONFIG_FILE_NAME = "crm.conf";
  public static final String HOME_VARIABLE = "CRM_HOME";

  private CrmConfigLoader() {}

  /** Resolves against the real environment and the user's home directory. */
  public static CrmConfig load(ConfigOverrides overrides) {
    return load(overrides, System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * @param overrides the command-line flags
   * @param environment the environment variables (only the CRM_* ones are read)
   * @param userHome the user's home directory, for the default CRM home
   * @throws CrmConfigException naming the key and where its bad value came from
   */
  public static CrmConfig load(ConfigOverrides overrides, Map<String, String> environment, Path userHome) {
    Path home;
    ConfigOrigin homeOrigin;
    if (overrides.home() != null) {
      home = overrides.home();
      homeOrigin = ConfigOrigin.flag("--home");
    } else if (present(environment.get(HOME_VARIABLE))) {
      home = path(environment.get(HOME_VARIABLE), HOME_VARIABLE);
      homeOrigin = ConfigOrigin.environment(HOME_VARIABLE);
    } else {
      home = userHome.resolve(DEFAULT_HOME);
      homeOrigin = ConfigOrigin.byDefault();
    }
    home = home.toAbsolutePath().normalize();

    Path configFile;
    ConfigOrigin configFileOrigin;
    if (overrides.configFile() != null) {
      configFile = overrides.configFile().toAbsolutePath().normalize();
      configFileOrigin = ConfigOrigin.flag("--config");
    } else {
      configFile = home.resolve(CONFIG_FILE_NAME);
      configFileOrigin = homeOrigin.kind() == ConfigOrigin.Kind.DEFAULT
          ? ConfigOrigin.byDefault()
          : new ConfigOrigin(homeOrigin.kind(), homeOrigin.detail() + "/" + CONFIG_FILE_NAME);
    }

    Map<Setting, String> values = new EnumMap<>(Setting.class);
    Map<Setting, ConfigOrigin> origins = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      setting.defaultValue().ifPresent(value -> {
        values.put(setting, value);
        origins.put(setting, ConfigOrigin.byDefault());
      });
    }

    ConfigOrigin fromFile = ConfigOrigin.file(configFile);
    ConfigFile.read(configFile).forEach((key, value) -> {
      Setting setting = Setting.byKey(key).orElseThrow(() -> new CrmConfigException(
          key + ": unknown key in " + configFile + " (see README, \"Configuration\")"));
      put(values, origins, setting, value, fromFile);
    });

    for (Setting setting : Setting.values()) {
      setting.environmentVariable().ifPresent(variable -> {
        String value = environment.get(variable);
        if (present(value)) {
          put(values, origins, setting, value, ConfigOrigin.environment(variable));
        }
      });
    }

    if (overrides.httpHost() != null) {
      put(values, origins, Setting.HTTP_HOST, overrides.httpHost(), ConfigOrigin.flag("--host"));
    }
    if (overrides.httpPort() != null) {
      put(values, origins, Setting.HTTP_PORT, overrides.httpPort(), ConfigOrigin.flag("--port"));
    }

    Values v = new Values(values, origins);
    String dbUrl = v.jdbcUrl(Setting.DB_URL);
    if (origins.get(Setting.DB_APP_USER).kind() == ConfigOrigin.Kind.DEFAULT && dbUrl != null) {
      // One application role per CRM database: two CRM databases on one server must not share
      // (and reset) each other's role. The embedded database is "crm", hence the default crm_app.
      String perDatabase = CrmConfig.databaseNameOf(dbUrl).toLowerCase(java.util.Locale.ROOT)
          .replaceAll("[^a-z0-9_]", "_") + "_app";
      if (perDatabase.matches("[a-z_][a-z0-9_]{0,62}")) {
        values.put(Setting.DB_APP_USER, perDatabase);
      }
    }
    return new CrmConfig(
        home, homeOrigin, configFile, configFileOrigin,
        dbUrl,
        v.text(Setting.DB_USER),
        v.text(Setting.DB_PASSWORD),
        v.roleName(Setting.DB_APP_USER),
        v.text(Setting.DB_APP_PASSWORD),
        v.port(Setting.EMBEDDED_PORT),
        v.host(Setting.HTTP_HOST),
        v.port(Setting.HTTP_PORT),
        v.text(Setting.SENTRY_DSN),
        v.text(Setting.SENTRY_ENVIRONMENT),
        v.number(Setting.SESSION_IDLE_MINUTES, 1, 7 * 24 * 60),
        v.number(Setting.SESSION_ABSOLUTE_HOURS, 1, 24 * 30),
        v.number(Setting.REAUTH_MINUTES, 0, 24 * 60),
        // The hasher's own bounds: never below OWASP's minimum, never a typo asking for gigabytes.
        v.number(Setting.ARGON2_MEMORY_KIB, Argon2Settings.MIN_MEMORY_KIB, Argon2Settings.MAX_MEMORY_KIB),
        v.number(Setting.ARGON2_ITERATIONS, Argon2Settings.MIN_ITERATIONS, Argon2Settings.MAX_ITERATIONS),
        v.number(Setting.ARGON2_PARALLELISM, Argon2Settings.MIN_PARALLELISM, Argon2Settings.MAX_PARALLELISM),
        v.bool(Setting.WEBHOOKS_ALLOW_PRIVATE_NETWORKS),
        v.secretKey(Setting.WEBHOOKS_SECRET_KEY),
        operations(v),
        origins);
  }

  private static OperationsConfig operations(Values v) {
    int total = v.number(Setting.HTTP_MAX_CONNECTIONS, 1, 100_000);
    int perAddress = v.number(Setting.HTTP_MAX_CONNECTIONS_PER_ADDRESS, 1, 100_000);
    if (perAddress > total) {
      throw v.refuse(Setting.HTTP_MAX_CONNECTIONS_PER_ADDRESS,
          "cannot exceed http.max-connections (" + total + ")", true);
    }
    String format = v.text(Setting.LOG_FORMAT);
    if (!OperationsConfig.TEXT.equals(format) && !OperationsConfig.JSON.equals(format)) {
      throw v.refuse(Setting.LOG_FORMAT, "must be text or json", true);
    }
    return new OperationsConfig(total, perAddress,
        v.number(Setting.HTTP_BODY_TIMEOUT_SECONDS, 1, 600),
        v.number(Setting.HTTP_IDLE_TIMEOUT_SECONDS, 1, 3_600),
        // 0 for either turns the limit off; both are checked even then, so that a typo never waits to bite.
        v.number(Setting.HTTP_RATE_LIMIT_PER_SECOND, 0, HttpLimits.RateLimit.MAX),
        v.number(Setting.HTTP_RATE_LIMIT_BURST, 0, HttpLimits.RateLimit.MAX),
        v.text(Setting.METRICS_PORT) == null ? null : v.port(Setting.METRICS_PORT),
        v.host(Setting.METRICS_HOST),
        format,
        v.number(Setting.HTTP_IDEMPOTENCY_RETENTION_HOURS, 1, 24 * 366),
        databaseConcurrency(v));
  }

  /** db.concurrency: null for auto (the default), else 0 (no limit) to the ceiling. */
  private static Integer databaseConcurrency(Values v) {
    String value = v.text(Setting.DB_CONCURRENCY);
    if (value == null || OperationsConfig.AUTO.equals(value)) {
      return null;
    }
    int units;
    try {
      units = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      units = -1;
    }
    if (units < 0 || units > OperationsConfig.MAX_DB_CONCURRENCY) {
      throw v.refuse(Setting.DB_CONCURRENCY, "must be auto or a whole number from 0 (no limit) to "
          + OperationsConfig.MAX_DB_CONCURRENCY, true);
    }
    return units;
  }

  private static void put(Map<Setting, String> values, Map<Setting, ConfigOrigin> origins,
      Setting setting, String value, ConfigOrigin origin) {
    // Passwords are taken verbatim: a space may be part of one.
    values.put(setting, setting.secret() ? value : value.strip());
    origins.put(setting, origin);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static Path path(String value, String name) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new CrmConfigException(name + ": '" + value + "' is not a valid path");
    }
  }

  /** Typed reads of the merged values; every error names the key and the value's origin. */
  private record Values(Map<Setting, String> values, Map<Setting, ConfigOrigin> origins) {

    String text(Setting setting) {
      String value = values.get(setting);
      return present(value) ? value : null;
    }

    int port(Setting setting) {
      return number(setting, 1, 65535);
    }

    int number(Setting setting, int min, int max) {
      String value = values.get(setting);
      int number;
      try {
        number = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw refuse(setting, "is not a whole number", true);
      }
      if (number < min || number > max) {
        throw refuse(setting, "must be between " + min + " and " + max, true);
      }
      return number;
    }

    boolean bool(Setting setting) {
      String value = values.get(setting);
      if ("true".equals(value)) {
        return true;
      }
      if ("false".equals(value)) {
        return false;
      }
      throw refuse(setting, "must be true or false", true);
    }

    /** Base64 of exactly 32 bytes, or null when not set. */
    String secretKey(Setting setting) {
      String value = text(setting);
      if (value == null) {
        return null;
      }
      try {
        if (java.util.Base64.getDecoder().decode(value.strip()).length == 32) {
          return value.strip();
        }
      } catch (IllegalArgumentException notBase64) {
        // refused below
      }
      throw refuse(setting, "must be the base64 of 32 random bytes (e.g. openssl rand -base64 32)", false);
    }

    String host(Setting setting) {
      String value = values.get(setting);
      if (!present(value) || !value.matches("[A-Za-z0-9.:\\-\\[\\]%]+")) {
        throw refuse(setting, "must be a host name or IP address", true);
      }
      return value;
    }

    String roleName(Setting setting) {
      String value = values.get(setting);
      // Created with CREATE ROLE: a plain lower-case identifier needs no quoting anywhere.
      if (!present(value) || !value.matches("[a-z_][a-z0-9_]{0,62}")) {
        throw refuse(setting, "must be a lower-case PostgreSQL role name (letters, digits, _)", true);
      }
      return value;
    }

    String jdbcUrl(Setting setting) {
      String value = text(setting);
      if (value == null) {
        return null;
      }
      if (!value.startsWith("jdbc:postgresql:")) {
        throw refuse(setting, "must be a PostgreSQL JDBC URL such as jdbc:postgresql://host:5432/crm", false);
      }
      String database = CrmConfig.databaseNameOf(value);
      if (database.isEmpty()) {
        throw refuse(setting, "must name the CRM database, as in jdbc:postgresql://host:5432/crm", false);
      }
      if (database.equals("postgres")) {
        throw refuse(setting, "names the server's default 'postgres' database; CRM data needs its own database", false);
      }
      return value;
    }

    private CrmConfigException refuse(Setting setting, String reason, boolean showValue) {
      String value = setting.secret() || !showValue ? "" : " '" + values.get(setting) + "'";
      return new CrmConfigException(
          setting.key() + value + " " + reason + " (from " + origins.get(setting) + ")");
    }
  }
}
