package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.common.Team;

/** Directory filter; a null field does not filter. */
public record CollaboratorFilter(Team team, Boolean active) {
  public static final CollaboratorFilter ALL = new CollaboratorFilter(null, null);
}
