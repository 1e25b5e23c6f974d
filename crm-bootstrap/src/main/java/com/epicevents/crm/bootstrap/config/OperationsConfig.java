package com.epicevents.crm.bootstrap.config;

import com.epicevents.crm.application.service.IdempotencySettings;
import com.epicevents.crm.http.HttpLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code crm serve} protects and reports itself: the HTTP limits, the metrics endpoint and
 * the log format. Part of {@link CrmConfig}; every value is a {@link Setting}.
 *
 * @param httpRateLimitPerSecond requests per second each credential may sustain; 0 turns the limit off
 * @param httpRateLimitBurst requests a credential may make at once (its bucket's size)
 * @param metricsPort port of the Prometheus endpoint, or null when metrics are off (the default)
 * @param metricsHost interface the metrics endpoint listens on (loopback by default)
 * @param logFormat {@code text} (the default) or {@code json} (one JSON object a line)
 * @param idempotencyRetentionHours how long the outcome of a POST sent with an Idempotency-Key is kept
 * @param dbConcurrency units of work using the database at once, the others waiting in arrival
 *     order; null for {@value #AUTO} (twice the cores), 0 for no limit. Unlike the rest, it applies
 *     to every command that opens the CRM (the text UI too), not to {@code crm serve} alone
 */
public record OperationsConfig(
    int httpMaxConnections,
    int httpMaxConnectionsPerAddress,
    int httpBodyTimeoutSeconds,
    int httpIdleTimeoutSeconds,
    int httpRateLimitPerSecond,
    int httpRateLimitBurst,
    Integer metricsPort,
    String metricsHost,
    String logFormat,
    int idempotencyRetentionHours,
    Integer dbConcurrency) {

  public static final String TEXT = "text";
  /** db.concurrency's default: twice the machine's cores. */
  public static final String AUTO = "auto";
  /** db.concurrency's ceiling (a pool holds a few more connections than this). */
  public static final int MAX_DB_CONCURRENCY = 500;
  public static final String JSON = "json";

  public OperationsConfig {
    Objects.requireNonNull(metricsHost, "metricsHost");
    Objects.requireNonNull(logFormat, "logFormat");
  }

  public HttpLimits httpLimits() {
    return new HttpLimits(httpMaxConnections, httpMaxConnectionsPerAddress,
        Duration.ofSeconds(httpBodyTimeoutSeconds), Duration.ofSeconds(httpIdleTimeoutSeconds),
        new HttpLimits.RateLimit(httpRateLimitPerSecond, httpRateLimitBurst));
  }

  public IdempotencySettings idempotencySettings() {
    return new IdempotencySettings(Duration.ofHours(idempotencyRetentionHours));
  }

  /** The number db.concurrency stands for: {@value #AUTO} is twice the cores this JVM may use. */
  public int databaseConcurrency() {
    return dbConcurrency != null ? dbConcurrency : 2 * Runtime.getRuntime().availableProcessors();
  }

  public boolean metricsOn() {
    return metricsPort != null;
  }

  public boolean jsonLogs() {
    return JSON.equals(logFormat);
  }

  String raw(Setting setting) {
    return switch (setting) {
      case HTTP_MAX_CONNECTIONS -> Integer.toString(httpMaxConnections);
      case HTTP_MAX_CONNECTIONS_PER_ADDRESS -> Integer.toString(httpMaxConnectionsPerAddress);
      case HTTP_BODY_TIMEOUT_SECONDS -> Integer.toString(httpBodyTimeoutSeconds);
      case HTTP_IDLE_TIMEOUT_SECONDS -> Integer.toString(httpIdleTimeoutSeconds);
      case HTTP_RATE_LIMIT_PER_SECOND -> Integer.toString(httpRateLimitPerSecond);
      case HTTP_RATE_LIMIT_BURST -> Integer.toString(httpRateLimitBurst);
      case METRICS_PORT -> metricsPort == null ? null : Integer.toString(metricsPort);
      case METRICS_HOST -> metricsHost;
      case LOG_FORMAT -> logFormat;
      case HTTP_IDEMPOTENCY_RETENTION_HOURS -> Integer.toString(idempotencyRetentionHours);
      case DB_CONCURRENCY -> dbConcurrency == null ? AUTO : Integer.toString(dbConcurrency);
      default -> throw new IllegalArgumentException(setting + " is not an operations setting");
    };
  }
}
