package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.ExpectedVersion;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.ValidationFailed;

/** The caller's expected version (If-Match, or the version a form was filled from) must still hold. */
final class Versions {
  private Versions() {}

  static void require(Long expected, long actual, String entityType, long id, Object current) {
    if (expected == null) {
      throw ValidationFailed.of("expectedVersion",
          "is required: the version read, or ExpectedVersion.ANY to change the record whatever its version");
    }
    if (ExpectedVersion.isAny(expected)) {
      return;
    }
    if (expected < 0) {
      throw ValidationFailed.of("expectedVersion", "must be a version read (0 or more) or ExpectedVersion.ANY");
    }
    if (expected != actual) {
      throw new ConcurrentModification(entityType, id, current);
    }
  }
}
