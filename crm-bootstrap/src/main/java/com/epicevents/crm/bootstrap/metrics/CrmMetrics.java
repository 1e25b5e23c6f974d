package com.epicevents.crm.bootstrap.metrics;

import com.epicevents.crm.core.BoundedPasswordHasher;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.http.RequestObserver;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The metrics of {@code crm serve}, in Prometheus' text format (Micrometer), names as Prometheus
 * shows them:
 *
 * <ul>
 *   <li>{@code http_server_requests_seconds{method,route,status}}: request rate and latency per
 *       route template and status (count, sum, max, and the 0.5/0.95/0.99 percentiles);
 *   <li>{@code crm_db_pool_connections_{active,idle,total,max}} and
 *       {@code crm_db_pool_connections_pending}: pool usage, and requests waiting for a connection;
 *   <li>{@code crm_logins_total{outcome}}: {@code succeeded}, {@code failed}, {@code throttled},
 *       {@code locked_out} (from the audit entries as they are written);
 *       {@code crm_access_denied_total};
 *   <li>{@code crm_password_hashing_{active,queued,threads,queue_capacity}} and
 *       {@code crm_password_hashing_refused_total}: the Argon2 executor and its queue;
 *   <li>JVM basics: memory, GC, threads, class loading, CPU, uptime ({@code jvm_*},
 *       {@code process_*}, {@code system_*}).
 * </ul>
 */
public final class CrmMetrics implements RequestObserver, AutoCloseable {
  private static final Set<String> LOGIN_ACTIONS = Set.of("LOGIN_SUCCEEDED", "LOGIN_FAILED", "LOGIN_THROTTLED", "LOCKED_OUT");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public CrmMetrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Pool usage and waits, read from the pool when scraped. */
  public CrmMetrics pool(HikariDataSource pool) {
    poolGauge(pool, "active", HikariPoolMXBean::getActiveConnections, "connections in use");
    poolGauge(pool, "idle", HikariPoolMXBean::getIdleConnections, "connections open and free");
    poolGauge(pool, "total", HikariPoolMXBean::getTotalConnections, "connections open");
    poolGauge(pool, "pending", HikariPoolMXBean::getThreadsAwaitingConnection, "requests waiting for a connection");
    Gauge.builder("crm.db.pool.connections.max", pool, HikariDataSource::getMaximumPoolSize)
        .description("the pool's maximum size").register(registry);
    return this;
  }

  /** The password-hashing executor: running, queued, refused. */
  public CrmMetrics passwordHashing(BoundedPasswordHasher hashing) {
    Gauge.builder("crm.password.hashing.active", hashing, BoundedPasswordHasher::active)
        .description("password checks running").register(registry);
    Gauge.builder("crm.password.hashing.queued", hashing, BoundedPasswordHasher::queued)
        .description("password checks waiting for a thread").register(registry);
    Gauge.builder("crm.password.hashing.threads", hashing, BoundedPasswordHasher::threads).register(registry);
    Gauge.builder("crm.password.hashing.queue.capacity", hashing, BoundedPasswordHasher::queueCapacity).register(registry);
    FunctionCounter.builder("crm.password.hashing.refused", hashing, BoundedPasswordHasher::refused)
        .description("password checks refused because the queue was full (503)").register(registry);
    return this;
  }

  /** Counts login outcomes and refusals as their audit entries are written. */
  public void audited(AuditEntry entry) {
    String action = entry.action();
    if (LOGIN_ACTIONS.contains(action)) {
      Counter.builder("crm.logins").tag("outcome", outcome(action)).description("login attempts by outcome")
          .register(registry).increment();
    } else if ("ACCESS_DENIED".equals(action)) {
      Counter.builder("crm.access.denied").description("refusals by the access policy").register(registry).increment();
    }
  }

  @Override
  public void completed(String method, String route, int status, long durationNanos) {
    Timer.builder("http.server.requests")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .publishPercentiles(0.5, 0.95, 0.99)
        .distributionStatisticExpiry(Duration.ofMinutes(1))
        .register(registry)
        .record(durationNanos, TimeUnit.NANOSECONDS);
  }

  /** Everything, in Prometheus' text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private void poolGauge(HikariDataSource pool, String name, ToDoubleFunction<HikariPoolMXBean> read, String description) {
    Gauge.builder("crm.db.pool.connections." + name, pool, p -> {
      HikariPoolMXBean bean = p.getHikariPoolMXBean();
      return bean == null ? Double.NaN : read.applyAsDouble(bean);
    }).description(description).register(registry);
  }

  private static String outcome(String action) {
    return switch (action) {
      case "LOGIN_SUCCEEDED" -> "succeeded";
      case "LOGIN_FAILED" -> "failed";
      case "LOGIN_THROTTLED" -> "throttled";
      default -> "locked_out";
    };
  }
}
