package com.epicevents.crm.application.port.in;

/**
 * The stale-edit check of a change. Every use case that changes a record takes the version the
 * caller read ({@code record.version()}): if someone saved the record since, the change is refused
 * with {@code ConcurrentModification} and the current record. To change a record whatever its
 * version, say so with {@link #ANY}; a null is refused ({@code ValidationFailed} on
 * {@code expectedVersion}), so the check is never skipped by accident.
 */
public final class ExpectedVersion {
  /** No stale-edit check: the change applies to whatever version is stored. */
  public static final Long ANY = -1L;

  private ExpectedVersion() {}

  /** True for {@link #ANY}. */
  public static boolean isAny(Long expected) {
    return expected != null && expected == -1L;
  }
}
