package com.epicevents.crm.domain.error;

/** No such record (HTTP 404). */
public final class NotFound extends CrmException {
  private final String entityType;
  private final long id;

  public NotFound(String entityType, long id) {
    super("no " + entityType.toLowerCase(java.util.Locale.ROOT) + " with id " + id);
    this.entityType = entityType;
    this.id = id;
  }

  public String entityType() {
    return entityType;
  }

  public long id() {
    return id;
  }
}
