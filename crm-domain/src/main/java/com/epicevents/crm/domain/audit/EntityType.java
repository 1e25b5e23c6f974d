package com.epicevents.crm.domain.audit;

/** The kinds of record an audit entry can be about. */
public enum EntityType {
  COLLABORATOR,
  CLIENT,
  CONTRACT,
  EVENT,
  SESSION,
  WEBHOOK,
  API_KEY
}
