package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.ConfigFile;
import com.epicevents.crm.bootstrap.config.ConfigOrigin;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.config.Setting;
import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabase;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** The database passwords {@code crm admin init} generates when none is configured, and the embedded port it keeps. */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** 192 random bits, URL-safe Base64 (32 characters): nothing to quote in a file or a URL. */
  static String generatePassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** 32 random bytes, standard Base64: the key sealing webhook secrets in the database. */
  static String generateKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The webhook secret key for an installation initialised before webhooks existed: generated
   * into the configuration file (owner-only) the first time {@code crm serve} needs it.
   */
  static CrmConfig ensureWebhookKey(CrmConfig config, Supplier<CrmConfig> reload) {
    if (config.webhooksSecretKey() != null) {
      return config;
    }
    ConfigFile.update(config.configFile(), Map.of(Setting.WEBHOOKS_SECRET_KEY, generateKey()));
    return reload.get();
  }

  /**
   * Generates the passwords init needs that no layer of the configuration provides: the embedded
   * server's owner password (only before the server exists: afterwards it is fixed) and the
   * application role's password. They are written to the configuration file (owner-only) before
   * any database uses them, so a failed init can be re-run with the same ones.
   *
   * @return the configuration to use, reloaded when something was written
   */
  static CrmConfig ensureForInit(Main main, CrmConfig config) {
    return ensureForInit(config, main::config);
  }

  /** As {@link #ensureForInit(Main, CrmConfig)}, reloading the configuration with {@code reload}. */
  static CrmConfig ensureForInit(CrmConfig config, Supplier<CrmConfig> reload) {
    Map<Setting, String> generated = new EnumMap<>(Setting.class);
    if (config.embedded() && config.dbPassword() == null && !EmbeddedDatabase.isCreated(config.home())) {
      generated.put(Setting.DB_PASSWORD, generatePassword());
    }
    if (config.embedded() && !EmbeddedDatabase.isCreated(config.home())
        && config.origin(Setting.EMBEDDED_PORT).kind() == ConfigOrigin.Kind.DEFAULT) {
      // First initialisation: the port is chosen now and kept, a free one if the default is taken.
      int port = EmbeddedDatabase.portFree(config.embeddedPort()) ? config.embeddedPort() : EmbeddedDatabase.freePort();
      generated.put(Setting.EMBEDDED_PORT, Integer.toString(port));
    }
    if (config.dbAppPassword() == null) {
      generated.put(Setting.DB_APP_USER, config.dbAppUser());
      generated.put(Setting.DB_APP_PASSWORD, generatePassword());
    }
    if (config.webhooksSecretKey() == null) {
      generated.put(Setting.WEBHOOKS_SECRET_KEY, generateKey());
    }
    if (generated.isEmpty()) {
      return config;
    }
    ConfigFile.update(config.configFile(), generated);
    return reload.get();
  }
}
