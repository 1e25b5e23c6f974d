package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import java.time.Instant;

/**
 * A collaborator as others see it. E-mail and phone are null for non-management readers looking
 * at someone else. Never the password hash.
 */
public record CollaboratorView(
    long id, String username, String fullName, String email, String phone, Team team, boolean active,
    long version, Instant createdAt, Instant updatedAt) {

  public static CollaboratorView full(Collaborator c) {
    return new CollaboratorView(c.id().value(), c.username().value(), c.fullName().value(),
        c.email() == null ? null : c.email().value(), c.phone().value(), c.team(), c.active(),
        c.version(), c.createdAt(), c.updatedAt());
  }

  public static CollaboratorView directory(Collaborator c) {
    return new CollaboratorView(c.id().value(), c.username().value(), c.fullName().value(),
        null, null, c.team(), c.active(), c.version(), c.createdAt(), c.updatedAt());
  }
}
