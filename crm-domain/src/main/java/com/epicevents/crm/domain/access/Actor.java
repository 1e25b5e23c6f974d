package com.epicevents.crm.domain.access;

import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import java.util.Objects;

/** Who is acting, as freshly read from the store. */
public record Actor(CollaboratorId id, Team team, boolean active) {
  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(team, "team");
  }

  public static Actor of(Collaborator collaborator) {
    return new Actor(collaborator.id(), collaborator.team(), collaborator.active());
  }
}
