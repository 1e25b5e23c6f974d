package com.epicevents.crm.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.http.HttpLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crm serve's limits, metrics and log format: documented defaults, each settable, bad values named. */
class OperationsSettingsTest {
  @TempDir Path userHome;
  @TempDir Path crmHome;

  @Test
  void theDefaultsAreTheDocumentedLimitsWithMetricsOffAndTextLogs() {
    OperationsConfig ops = CrmConfigLoader.load(ConfigOverrides.NONE, Map.of(), userHome).operations();

    assertEquals(HttpLimits.DEFAULTS, ops.httpLimits());
    assertEquals(new HttpLimits(2_000, 256, Duration.ofSeconds(10), Duration.ofSeconds(30),
        new HttpLimits.RateLimit(20, 100)), ops.httpLimits());
    assertFalse(ops.metricsOn());
    assertNull(ops.metricsPort());
    assertEquals("127.0.0.1", ops.metricsHost());
    assertFalse(ops.jsonLogs());
  }

  @Test
  void theFileAndTheEnvironmentSetThem() throws IOException {
    Files.writeString(crmHome.resolve("crm.conf"), String.join("\n", "http.max-connections=500",
        "http.max-connections-per-address=500", "http.body-timeout-seconds=5", "http.idle-timeout-seconds=60", ""));

    CrmConfig config = CrmConfigLoader.load(ConfigOverrides.NONE,
        Map.of("CRM_HOME", crmHome.toString(), "CRM_METRICS_PORT", "9464", "CRM_LOG_FORMAT", "json"), userHome);

    OperationsConfig ops = config.operations();
    assertEquals(new HttpLimits(500, 500, Duration.ofSeconds(5), Duration.ofSeconds(60)), ops.httpLimits());
    assertEquals(9464, ops.metricsPort());
    assertTrue(ops.jsonLogs());
    assertEquals(ConfigOrigin.environment("CRM_METRICS_PORT"), config.origin(Setting.METRICS_PORT));
    assertTrue(config.toString().contains("metrics.port=9464"), config::toString);
  }

  @Test
  void theRateLimitIsSetByTheFileOrTheEnvironmentAndZeroTurnsItOff() throws IOException {
    Files.writeString(crmHome.resolve("crm.conf"), "http.rate-limit.per-second=5\nhttp.rate-limit.burst=7\n");
    CrmConfig fromFile = CrmConfigLoader.load(ConfigOverrides.NONE, Map.of("CRM_HOME", crmHome.toString()), userHome);
    assertEquals(new HttpLimits.RateLimit(5, 7), fromFile.operations().httpLimits().rateLimit());
    assertTrue(fromFile.toString().contains("http.rate-limit.per-second=5"), fromFile::toString);

    CrmConfig fromEnvironment = CrmConfigLoader.load(ConfigOverrides.NONE, Map.of("CRM_HOME", crmHome.toString(),
        "CRM_HTTP_RATE_LIMIT_PER_SECOND", "0"), userHome);
    assertEquals(HttpLimits.RateLimit.OFF, fromEnvironment.operations().httpLimits().rateLimit());
    assertFalse(fromEnvironment.operations().httpLimits().rateLimit().on());
    assertEquals(ConfigOrigin.environment("CRM_HTTP_RATE_LIMIT_PER_SECOND"),
        fromEnvironment.origin(Setting.HTTP_RATE_LIMIT_PER_SECOND));

    Files.writeString(crmHome.resolve("crm.conf"), "http.rate-limit.burst=0\n");
    assertFalse(CrmConfigLoader.load(ConfigOverrides.NONE, Map.of("CRM_HOME", crmHome.toString()), userHome)
        .operations().httpLimits().rateLimit().on(), "a burst of 0 is off too");
  }

  @Test
  void badRateLimitsAreRefusedNamingTheSetting() throws IOException {
    assertRefused("http.rate-limit.per-second=-1", "http.rate-limit.per-second '-1' must be between 0 and 1000000");
    assertRefused("http.rate-limit.per-second=2.5", "http.rate-limit.per-second '2.5' is not a whole number");
    assertRefused("http.rate-limit.per-second=lots", "http.rate-limit.per-second 'lots' is not a whole number");
    assertRefused("http.rate-limit.burst=-5", "http.rate-limit.burst '-5' must be between 0 and 1000000");
    assertRefused("http.rate-limit.burst=1e3", "http.rate-limit.burst '1e3' is not a whole number");
    assertRefused("http.rate-limit.per-second=0\nhttp.rate-limit.burst=x",
        "http.rate-limit.burst 'x' is not a whole number");
    CrmConfigException fromEnvironment = assertThrows(CrmConfigException.class, () -> CrmConfigLoader.load(
        ConfigOverrides.NONE, Map.of("CRM_HTTP_RATE_LIMIT_BURST", "-1"), userHome));
    assertEquals("http.rate-limit.burst '-1' must be between 0 and 1000000 (from environment CRM_HTTP_RATE_LIMIT_BURST)",
        fromEnvironment.getMessage());
  }

  @Test
  void badValuesAreRefusedNamingTheKey() throws IOException {
    assertRefused("log.format=xml", "log.format 'xml' must be text or json");
    assertRefused("http.max-connections=0", "http.max-connections '0' must be between 1 and 100000");
    assertRefused("http.max-connections=10\nhttp.max-connections-per-address=20",
        "http.max-connections-per-address '20' cannot exceed http.max-connections (10)");
    assertRefused("metrics.port=99999", "metrics.port '99999' must be between 1 and 65535");
  }

  @Test
  void idempotencyRecordsAreKept24HoursUnlessSetOtherwise() throws IOException {
    assertEquals(Duration.ofHours(24), CrmConfigLoader.load(ConfigOverrides.NONE, Map.of(), userHome).operations()
        .idempotencySettings().retention());
    Files.writeString(crmHome.resolve("crm.conf"), "http.idempotency.retention-hours=48\n");

    CrmConfig config = CrmConfigLoader.load(ConfigOverrides.NONE, Map.of("CRM_HOME", crmHome.toString()), userHome);

    assertEquals(Duration.ofHours(48), config.operations().idempotencySettings().retention());
    assertTrue(config.toString().contains("http.idempotency.retention-hours=48"), config::toString);
    assertRefused("http.idempotency.retention-hours=0",
        "http.idempotency.retention-hours '0' must be between 1 and 8784");
  }

  @Test
  void databaseConcurrencyIsTwiceTheCoresUnlessSetAndZeroLiftsTheLimit() throws IOException {
    CrmConfig defaults = CrmConfigLoader.load(ConfigOverrides.NONE, Map.of(), userHome);
    assertEquals(2 * Runtime.getRuntime().availableProcessors(), defaults.operations().databaseConcurrency());
    assertTrue(defaults.toString().contains("db.concurrency=auto"), defaults::toString);

    Files.writeString(crmHome.resolve("crm.conf"), "db.concurrency=6\n");
    assertEquals(6, CrmConfigLoader.load(ConfigOverrides.NONE, Map.of("CRM_HOME", crmHome.toString()), userHome)
        .operations().databaseConcurrency());
    CrmConfig fromEnvironment = CrmConfigLoader.load(ConfigOverrides.NONE,
        Map.of("CRM_HOME", crmHome.toString(), "CRM_DB_CONCURRENCY", "0"), userHome);
    assertEquals(0, fromEnvironment.operations().databaseConcurrency(), "0: no limit");
    assertEquals(ConfigOrigin.environment("CRM_DB_CONCURRENCY"), fromEnvironment.origin(Setting.DB_CONCURRENCY));
    Files.writeString(crmHome.resolve("crm.conf"), "db.concurrency=auto\n");
    assertEquals(2 * Runtime.getRuntime().availableProcessors(), CrmConfigLoader.load(ConfigOverrides.NONE,
        Map.of("CRM_HOME", crmHome.toString()), userHome).operations().databaseConcurrency());

    assertRefused("db.concurrency=-1", "db.concurrency '-1' must be auto or a whole number from 0 (no limit) to 500");
    assertRefused("db.concurrency=501", "db.concurrency '501' must be auto or a whole number from 0 (no limit) to 500");
    assertRefused("db.concurrency=many", "db.concurrency 'many' must be auto or a whole number from 0 (no limit) to 500");
  }

  private void assertRefused(String lines, String messageStart) throws IOException {
    Files.writeString(crmHome.resolve("crm.conf"), lines + "\n");
    CrmConfigException refused = assertThrows(CrmConfigException.class, () ->
        CrmConfigLoader.load(ConfigOverrides.NONE, Map.of("CRM_HOME", crmHome.toString()), userHome));
    assertTrue(refused.getMessage().startsWith(messageStart), refused.getMessage());
  }
}
