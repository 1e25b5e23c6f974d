package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.UpdateCollaboratorUseCase;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.error.NotFound;
import java.util.Map;

final class UpdateCollaboratorService implements UpdateCollaboratorUseCase {
  private final CorePorts ports;
  private final Guard guard;

  UpdateCollaboratorService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public CollaboratorView update(AuthToken token, Command command) {
    long id = command.id().value();
    Collaborator saved = guard.runUpdate(command.expectedVersion(), () -> {
      Authenticated who = guard.authenticate(token);
      guard.permit(who, Action.UPDATE_COLLABORATOR, Ownership.NONE, EntityType.COLLABORATOR, id);
      Collaborator current = ports.collaborators().findById(command.id())
          .orElseThrow(() -> new NotFound("COLLABORATOR", id));
      Versions.require(command.expectedVersion(), current.version(), "COLLABORATOR", id, current);
      guard.requirePasswordConfirmed(who);
      Collaborator changed = current.updateDetails(
          FieldUpdate.apply(command.username(), current.username()),
          FieldUpdate.apply(command.fullName(), current.fullName()),
          FieldUpdate.apply(command.email(), current.email()),
          FieldUpdate.apply(command.phone(), current.phone()),
          FieldUpdate.apply(command.team(), current.team()),
          ports.collaborators().countActiveManagers(), guard.now());
      Uniqueness.check(ports, changed.username().value(),
          changed.email() != null && !changed.email().equals(current.email()) ? changed.email() : null, current.id());
      Changes changes = AuditChanges.of(current, changed);
      if (changes.isEmpty()) {
        return current;
      }
      Collaborator stored = ports.collaborators().update(changed);
      if (stored.team() != current.team()) {
        int revoked = ports.sessions().revokeAllOf(stored.id(), null);
        changes.field("sessionsRevoked", null, revoked);
        changes.field("apiKeysRevoked", null,
            ManageApiKeysService.revokeAllOf(ports, guard, who, stored.id(), "owner moved to another team"));
      }
      guard.audit(who, "UPDATED", EntityType.COLLABORATOR, id, changes);
      guard.announce(who, "UPDATED", EntityType.COLLABORATOR, id, AuditChanges.of(current, stored),
          CollaboratorView.full(stored));
      return stored;
    });
    ports.errorReporter().businessEvent("collaborator updated", Map.of("collaboratorId", String.valueOf(id)));
    return CollaboratorView.full(saved);
  }
}
