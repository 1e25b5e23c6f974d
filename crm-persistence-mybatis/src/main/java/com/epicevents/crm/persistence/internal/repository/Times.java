package com.epicevents.crm.persistence.internal.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL keeps microseconds: instants are truncated before they are written, so what a
 * save returns equals what a later load returns.
 */
final class Times {
  private Times() {}

  static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
