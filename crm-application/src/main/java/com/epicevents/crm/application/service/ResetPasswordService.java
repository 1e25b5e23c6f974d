package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.ResetPasswordUseCase;
import com.epicevents.crm.application.port.out.LoginAttempts;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.collaborator.PasswordPolicy;
import com.epicevents.crm.domain.error.NotFound;
import java.util.Arrays;

/** Management sets another collaborator's password; their sessions end and any lock is lifted. */
final class ResetPasswordService implements ResetPasswordUseCase {
  private final CorePorts ports;
  private final Guard guard;

  ResetPasswordService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public void resetPassword(AuthToken token, CollaboratorId id, char[] newPassword) {
    try {
      guard.run(() -> {
        Authenticated who = guard.authenticate(token);
        guard.permit(who, Action.RESET_PASSWORD, Ownership.NONE, EntityType.COLLABORATOR, id.value());
        Collaborator target = ports.collaborators().findById(id)
            .orElseThrow(() -> new NotFound("COLLABORATOR", id.value()));
        guard.requirePasswordConfirmed(who);
        PasswordPolicy.check("newPassword", newPassword, target.username());
        Collaborator saved = ports.collaborators().update(
            target.withPasswordHash(ports.passwordHasher().hash(newPassword), guard.now()));
        int revoked = ports.sessions().revokeAllOf(saved.id(), null);
        ports.loginAttempts().save(LogInService.keyOf(saved.username().value()), LoginAttempts.NONE);
        guard.audit(who, "PASSWORD_RESET", EntityType.COLLABORATOR, saved.id().value(),
            new Changes().secret("password").field("sessionsRevoked", null, revoked));
        guard.announce(who, "PASSWORD_RESET", EntityType.COLLABORATOR, saved.id().value(),
            new Changes().secret("password"), CollaboratorView.full(saved));
        return null;
      });
    } finally {
      Arrays.fill(newPassword, '\0');
    }
  }
}
