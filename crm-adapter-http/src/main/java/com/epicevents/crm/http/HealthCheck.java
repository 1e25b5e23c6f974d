package com.epicevents.crm.http;

/**
 * Whether the database answers, for {@code GET /api/v1/health}. Implemented by the bootstrap
 * module; it should answer within a second or two (a connection validation with a timeout), and
 * report {@code false} rather than throw. A busy connection pool is not a database down: it is
 * reported apart ({@link #poolSaturated()}).
 */
@FunctionalInterface
public interface HealthCheck {
  boolean databaseUp();

  /** True while every pooled connection is in use and requests wait for one. */
  default boolean poolSaturated() {
    return false;
  }
}
