package com.epicevents.crm.domain.error;

/** Authenticated, but this team or this person may not do this (HTTP 403). */
public final class AccessDenied extends CrmException {
  private final Long actorId;
  private final String action;
  private final String entityType;
  private final Long entityId;

  public AccessDenied(String reason, Long actorId, String action, String entityType, Long entityId) {
    super(reason);
    this.actorId = actorId;
    this.action = action;
    this.entityType = entityType;
    this.entityId = entityId;
  }

  public String reason() {
    return getMessage();
  }

  public Long actorId() {
    return actorId;
  }

  public String action() {
    return action;
  }

  public String entityType() {
    return entityType;
  }

  public Long entityId() {
    return entityId;
  }
}
