package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.ViewCollaboratorsUseCase;
import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.NotFound;

final class ViewCollaboratorsService implements ViewCollaboratorsUseCase {
  private final CorePorts ports;
  private final Guard guard;

  ViewCollaboratorsService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public CollaboratorView get(AuthToken token, CollaboratorId id) {
    return guard.read(() -> {
      Reader who = guard.authenticateToRead(token);
      guard.permit(who, Action.READ, Ownership.NONE, EntityType.COLLABORATOR, id.value());
      Collaborator found = ports.collaborators().findById(id)
          .orElseThrow(() -> new NotFound("COLLABORATOR", id.value()));
      return viewFor(who, found);
    });
  }

  @Override
  public Page<CollaboratorView> list(AuthToken token, CollaboratorFilter filter, PageRequest page) {
    return guard.read(() -> {
      Reader who = guard.authenticateToRead(token);
      guard.permit(who, Action.READ, Ownership.NONE, EntityType.COLLABORATOR, null);
      return ports.collaborators().list(filter, page).map(c -> viewFor(who, c));
    });
  }

  /** Colleagues' e-mail and phone are for management's eyes (and one's own). */
  private static CollaboratorView viewFor(Reader who, Collaborator c) {
    boolean full = who.actor().team() == Team.MANAGEMENT || c.id().equals(who.actor().id());
    return full ? CollaboratorView.full(c) : CollaboratorView.directory(c);
  }
}
