package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.DeactivateCollaboratorUseCase;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.error.NotFound;
import java.util.Map;

/** Deactivation (never deletion): sessions end at once; never the last active manager. */
final class DeactivateCollaboratorService implements DeactivateCollaboratorUseCase {
  private final CorePorts ports;
  private final Guard guard;

  DeactivateCollaboratorService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public CollaboratorView deactivate(AuthToken token, CollaboratorId id, Long expectedVersion) {
    Collaborator saved = guard.runUpdate(expectedVersion, () -> {
      Authenticated who = guard.authenticate(token);
      guard.permit(who, Action.DEACTIVATE_COLLABORATOR, Ownership.NONE, EntityType.COLLABORATOR, id.value());
      Collaborator current = load(id);
      Versions.require(expectedVersion, current.version(), "COLLABORATOR", id.value(), current);
      guard.requirePasswordConfirmed(who);
      Collaborator stored = ports.collaborators().update(
          current.deactivate(ports.collaborators().countActiveManagers(), guard.now()));
      int revoked = ports.sessions().revokeAllOf(id, null);
      int keysRevoked = ManageApiKeysService.revokeAllOf(ports, guard, who, id, "owner deactivated");
      guard.audit(who, "DEACTIVATED", EntityType.COLLABORATOR, id.value(),
          AuditChanges.of(current, stored).field("sessionsRevoked", null, revoked)
              .field("apiKeysRevoked", null, keysRevoked));
      guard.announce(who, "DEACTIVATED", EntityType.COLLABORATOR, id.value(), AuditChanges.of(current, stored),
          CollaboratorView.full(stored));
      return stored;
    });
    ports.errorReporter().businessEvent("collaborator deactivated", Map.of("collaboratorId", id.toString()));
    return CollaboratorView.full(saved);
  }

  private Collaborator load(CollaboratorId id) {
    return ports.collaborators().findById(id).orElseThrow(() -> new NotFound("COLLABORATOR", id.value()));
  }
}
