package com.epicevents.crm.http;

/**
 * Whether the database answers, for {@code GET /api/v1/health}. Implemented by the bootstrap
 * module; it should answer within a second or two (a connection validation with a timeout), and
 * report {@code false} rather than throw.
 */
@FunctionalInterface
public interface HealthCheck {
  boolean databaseUp();
}
