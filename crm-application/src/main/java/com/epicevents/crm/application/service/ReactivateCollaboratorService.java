package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.ReactivateCollaboratorUseCase;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.error.NotFound;
import java.util.Map;

/** Reactivation of a deactivated collaborator. */
final class ReactivateCollaboratorService implements ReactivateCollaboratorUseCase {
  private final CorePorts ports;
  private final Guard guard;

  ReactivateCollaboratorService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public CollaboratorView reactivate(AuthToken token, CollaboratorId id, Long expectedVersion) {
    Collaborator saved = guard.runUpdate(expectedVersion, () -> {
      Authenticated who = guard.authenticate(token);
      guard.permit(who, Action.REACTIVATE_COLLABORATOR, Ownership.NONE, EntityType.COLLABORATOR, id.value());
      Collaborator current = load(id);
      Versions.require(expectedVersion, current.version(), "COLLABORATOR", id.value(), current);
      guard.requirePasswordConfirmed(who);
      Collaborator stored = ports.collaborators().update(current.reactivate(guard.now()));
      guard.audit(who, "REACTIVATED", EntityType.COLLABORATOR, id.value(), AuditChanges.of(current, stored));
      guard.announce(who, "REACTIVATED", EntityType.COLLABORATOR, id.value(), AuditChanges.of(current, stored),
          CollaboratorView.full(stored));
      return stored;
    });
    ports.errorReporter().businessEvent("collaborator reactivated", Map.of("collaboratorId", id.toString()));
    return CollaboratorView.full(saved);
  }

  private Collaborator load(CollaboratorId id) {
    return ports.collaborators().findById(id).orElseThrow(() -> new NotFound("COLLABORATOR", id.value()));
  }
}
