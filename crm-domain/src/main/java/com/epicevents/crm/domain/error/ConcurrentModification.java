package com.epicevents.crm.domain.error;

/**
 * Someone else saved the record since it was read (HTTP 412). Carries the current record when
 * the store could read it, so the user sees the values that would have been overwritten.
 */
public final class ConcurrentModification extends CrmException {
  private final String entityType;
  private final long id;
  private final transient Object current;

  public ConcurrentModification(String entityType, long id, Object current) {
    super("this " + entityType.toLowerCase(java.util.Locale.ROOT) + " was changed by someone else");
    this.entityType = entityType;
    this.id = id;
    this.current = current;
  }

  public String entityType() {
    return entityType;
  }

  public long id() {
    return id;
  }

  /** The record as it is now, or null when unknown. */
  public Object current() {
    return current;
  }
}
