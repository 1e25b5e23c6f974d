package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ChangeOwnPasswordUseCase;
import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.PasswordPolicy;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.Arrays;

/** Changing one's own password; the other sessions end. */
final class ChangeOwnPasswordService implements ChangeOwnPasswordUseCase {
  private final CorePorts ports;
  private final Guard guard;

  ChangeOwnPasswordService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public void changeOwnPassword(AuthToken token, char[] currentPassword, char[] newPassword) {
    try {
      guard.run(() -> {
        Authenticated who = guard.authenticatePerson(token, Action.CHANGE_OWN_PASSWORD);
        guard.permit(who, Action.CHANGE_OWN_PASSWORD, Ownership.NONE, EntityType.COLLABORATOR, who.actorId());
        Collaborator me = who.collaborator();
        if (!ports.passwordHasher().verify(currentPassword, me.passwordHash())) {
          throw ValidationFailed.of("currentPassword", "is not correct");
        }
        PasswordPolicy.check("newPassword", newPassword, me.username());
        Collaborator saved = ports.collaborators().update(
            me.withPasswordHash(ports.passwordHasher().hash(newPassword), guard.now()));
        int revoked = ports.sessions().revokeAllOf(saved.id(), who.session().id());
        guard.audit(who, "PASSWORD_CHANGED", EntityType.COLLABORATOR, saved.id().value(),
            new Changes().secret("password").field("otherSessionsRevoked", null, revoked));
        guard.announce(who, "PASSWORD_CHANGED", EntityType.COLLABORATOR, saved.id().value(),
            new Changes().secret("password"), CollaboratorView.full(saved));
        return null;
      });
    } finally {
      Arrays.fill(currentPassword, '\0');
      Arrays.fill(newPassword, '\0');
    }
  }
}
