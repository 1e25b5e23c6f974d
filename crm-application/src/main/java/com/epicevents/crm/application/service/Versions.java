package com.epicevents.crm.application.service;

import com.epicevents.crm.domain.error.ConcurrentModification;

/** The caller's expected version (If-Match, or the version a form was filled from) must still hold. */
final class Versions {
  private Versions() {}

  static void require(Long expected, long actual, String entityType, long id, Object current) {
    if (expected != null && expected != actual) {
      throw new ConcurrentModification(entityType, id, current);
    }
  }
}
