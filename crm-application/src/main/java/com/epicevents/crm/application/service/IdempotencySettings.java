package com.epicevents.crm.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the outcome of a request sent with an idempotency key is kept (setting
 * {@code http.idempotency.retention-hours}, 24 hours by default); after that a reused key is a
 * new request.
 */
public record IdempotencySettings(Duration retention) {
  public static final IdempotencySettings DEFAULTS = new IdempotencySettings(Duration.ofHours(24));

  public IdempotencySettings {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the idempotency retention must be positive");
    }
  }
}
