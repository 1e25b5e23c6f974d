package com.epicevents.crm.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrmConfigLoaderTest {
  @TempDir Path userHome;
  @TempDir Path crmHome;

  @Test
  void withNothingConfiguredTheDefaultsApplyAndTheHomeIsThePerUserDirectory() {
    CrmConfig config = CrmConfigLoader.load(ConfigOverrides.NONE, Map.of(), userHome);

    assertEquals(userHome.resolve(".local/share/epic-crm"), config.home());
    assertEquals(config.home().resolve("crm.conf"), config.configFile());
    assertTrue(config.embedded());
    assertEquals("crm", config.databaseName());
    assertEquals("postgres", config.ownerUser());
    assertEquals("crm_app", config.dbAppUser());
    assertNull(config.dbAppPassword());
    assertEquals(54329, config.embeddedPort());
    assertEquals("127.0.0.1", config.httpHost());
    assertEquals(8080, config.httpPort());
    assertNull(config.sentryDsn());
    assertEquals(Duration.ofMinutes(30), config.securitySettings().idleTimeout());
    assertEquals(Duration.ofHours(12), config.securitySettings().absoluteTimeout());
    assertEquals(Duration.ofMinutes(5), config.securitySettings().reauthenticationWindow());
    assertEquals(19456, config.argon2MemoryKib());
    for (Setting setting : Setting.values()) {
      assertEquals(ConfigOrigin.Kind.DEFAULT, config.origin(setting).kind(), setting.key());
    }
  }

  @Test
  void theFileOverridesDefaultsTheEnvironmentOverridesTheFileAndFlagsOverrideTheEnvironment() throws IOException {
    Files.writeString(crmHome.resolve("crm.conf"), String.join("\n",
        "# comment",
        "http.host=10.0.0.1",
        "http.port=8000",
        "embedded.port=6000",
        "sentry.environment=staging",
        "security.session.idle-minutes=15"));
    Map<String, String> environment = Map.of(
        "CRM_HOME", crmHome.toString(),
        "CRM_HTTP_HOST", "10.0.0.2",
        "CRM_HTTP_PORT", "9000",
        "CRM_SENTRY_ENVIRONMENT", "ci");

    CrmConfig fromEnvironment = CrmConfigLoader.load(ConfigOverrides.NONE, environment, userHome);
    assertEquals(crmHome, fromEnvironment.home());
    assertEquals(ConfigOrigin.environment("CRM_HOME"), fromEnvironment.homeOrigin());
    assertEquals("10.0.0.2", fromEnvironment.httpHost());
    assertEquals(9000, fromEnvironment.httpPort());
    assertEquals("ci", fromEnvironment.sentryEnvironment());
    assertEquals(6000, fromEnvironment.embeddedPort());
    assertEquals(15, fromEnvironment.sessionIdleMinutes());
    assertEquals(ConfigOrigin.environment("CRM_HTTP_PORT"), fromEnvironment.origin(Setting.HTTP_PORT));
    assertEquals(ConfigOrigin.file(crmHome.resolve("crm.conf")), fromEnvironment.origin(Setting.EMBEDDED_PORT));
    assertEquals(ConfigOrigin.byDefault(), fromEnvironment.origin(Setting.REAUTH_MINUTES));

    CrmConfig fromFlags = CrmConfigLoader.load(new ConfigOverrides(null, null, "0.0.0.0", "7000"), environment, userHome);
    assertEquals("0.0.0.0", fromFlags.httpHost());
    assertEquals(7000, fromFlags.httpPort());
    assertEquals(ConfigOrigin.flag("--port"), fromFlags.origin(Setting.HTTP_PORT));
    assertEquals(ConfigOrigin.flag("--host"), fromFlags.origin(Setting.HTTP_HOST));
  }

  @Test
  void theHomeFlagWinsOverCrmHomeAndTheConfigFlagNamesAnotherFile() throws IOException {
    Path other = Files.createDirectory(crmHome.resolve("other"));
    Path file = other.resolve("custom.conf");
    Files.writeString(file, "http.port=8111\n");

    CrmConfig config = CrmConfigLoader.load(new ConfigOverrides(other, file, null, null),
        Map.of("CRM_HOME", crmHome.toString()), userHome);

    assertEquals(other, config.home());
    assertEquals(ConfigOrigin.flag("--home"), config.homeOrigin());
    assertEquals(file, config.configFile());
    assertEquals(ConfigOrigin.flag("--config"), config.configFileOrigin());
    assertEquals(8111, config.httpPort());
  }

  @Test
  void anExternalDatabaseUrlNamesTheDatabaseAndItsOwner() {
    CrmConfig config = CrmConfigLoader.load(ConfigOverrides.NONE, Map.of(
        "CRM_HOME", crmHome.toString(),
        "CRM_DB_URL", "jdbc:postgresql://db.example:5432/epic_crm?sslmode=require&password=hunter2hunter2",
        "CRM_DB_USER", "crm_owner",
        "CRM_DB_PASSWORD", "owner secret "), userHome);

    assertFalse(config.embedded());
    assertEquals("epic_crm", config.databaseName());
    assertEquals("crm_owner", config.ownerUser());
    assertEquals("owner secret ", config.dbPassword(), "passwords are kept verbatim");
    assertEquals("jdbc:postgresql://db.example:5432/epic_crm?sslmode=require&password=***",
        config.displayValue(Setting.DB_URL));
  }

  @Test
  void aBadNumberIsReportedOnOneLineNamingTheKeyTheValueAndWhereItCameFrom() throws IOException {
    Files.writeString(crmHome.resolve("crm.conf"), "http.port=eighty\n");
    Map<String, String> environment = Map.of("CRM_HOME", crmHome.toString());

    CrmConfigException fromFile = assertThrows(CrmConfigException.class,
        () -> CrmConfigLoader.load(ConfigOverrides.NONE, environment, userHome));
    assertEquals("http.port 'eighty' is not a whole number (from file " + crmHome.resolve("crm.conf") + ")",
        fromFile.getMessage());

    CrmConfigException fromEnvironment = assertThrows(CrmConfigException.class, () -> CrmConfigLoader.load(
        ConfigOverrides.NONE, Map.of("CRM_HOME", crmHome.toString(), "CRM_HTTP_PORT", "70000"), userHome));
    assertEquals("http.port '70000' must be between 1 and 65535 (from environment CRM_HTTP_PORT)",
        fromEnvironment.getMessage());
  }

  @Test
  void otherBadValuesAreRefusedNamingTheirKey() throws IOException {
    assertRefused("embedded.port=", "embedded.port '' is not a whole number");
    assertRefused("security.session.idle-minutes=0", "security.session.idle-minutes '0' must be between 1 and");
    assertRefused("db.app.user=Robert'); DROP TABLE", "db.app.user 'Robert'); DROP TABLE' must be a lower-case PostgreSQL role name");
    assertRefused("db.url=mysql://localhost/crm", "db.url must be a PostgreSQL JDBC URL");
    assertRefused("db.url=jdbc:postgresql://localhost:5432/postgres", "db.url names the server's default 'postgres' database");
    assertRefused("db.url=jdbc:postgresql://localhost:5432/", "db.url must name the CRM database");
    assertRefused("http.host=local host", "http.host 'local host' must be a host name or IP address");
    assertRefused("http.prot=8080", "http.prot: unknown key in " + crmHome.resolve("crm.conf"));
  }

  @Test
  void theTextOfTheConfigurationNeverShowsAPasswordOrTheSentryDsn() {
    CrmConfig config = CrmConfigLoader.load(ConfigOverrides.NONE, Map.of(
        "CRM_HOME", crmHome.toString(),
        "CRM_DB_URL", "jdbc:postgresql://localhost/crm?password=url-secret-1",
        "CRM_DB_PASSWORD", "owner-secret-2",
        "CRM_DB_APP_PASSWORD", "app-secret-3",
        "CRM_SENTRY_DSN", "https://dsn-secret-4@o1.ingest.sentry.io/42"), userHome);

    String text = config.toString();
    for (String secret : new String[] {"url-secret-1", "owner-secret-2", "app-secret-3", "dsn-secret-4"}) {
      assertFalse(text.contains(secret), secret + " leaked into " + text);
    }
    assertTrue(text.contains("db.password=(set)"), text);
    assertTrue(text.contains("sentry.dsn=(set)"), text);
  }

  private void assertRefused(String line, String messageStart) throws IOException {
    Files.writeString(crmHome.resolve("crm.conf"), line + "\n");
    CrmConfigException refused = assertThrows(CrmConfigException.class, () ->
        CrmConfigLoader.load(ConfigOverrides.NONE, Map.of("CRM_HOME", crmHome.toString()), userHome));
    assertTrue(refused.getMessage().startsWith(messageStart), refused.getMessage());
    assertFalse(refused.getMessage().contains("\n"));
  }
}
