package com.epicevents.crm.domain.access;

import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import java.util.Objects;

/**
 * Who is acting, as freshly read from the store: a person with a session ({@code key} null), or a
 * system through one of the person's API keys ({@code key} says which and its scopes).
 */
public record Actor(CollaboratorId id, Team team, boolean active, KeyGrant key) {
  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(team, "team");
  }

  /** A person acting through their own session. */
  public Actor(CollaboratorId id, Team team, boolean active) {
    this(id, team, active, null);
  }

  public static Actor of(Collaborator collaborator) {
    return new Actor(collaborator.id(), collaborator.team(), collaborator.active());
  }

  /** The same collaborator acting through an API key with these scopes. */
  public Actor through(KeyGrant key) {
    return new Actor(id, team, active, Objects.requireNonNull(key, "key"));
  }

  public boolean viaApiKey() {
    return key != null;
  }
}
