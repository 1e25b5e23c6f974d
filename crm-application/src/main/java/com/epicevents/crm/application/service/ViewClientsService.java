package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ViewClientsUseCase;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.client.ClientId;

final class ViewClientsService implements ViewClientsUseCase {
  private final CorePorts ports;
  private final Guard guard;

  ViewClientsService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public ClientView get(AuthToken token, ClientId id) {
    return guard.read(() -> {
      Reader who = guard.authenticateToRead(token);
      guard.permit(who, Action.READ, Ownership.NONE, EntityType.CLIENT, id.value());
      return Loads.client(ports, id);
    });
  }

  @Override
  public Page<ClientView> list(AuthToken token, ClientFilter filter, PageRequest page) {
    return guard.read(() -> {
      Reader who = guard.authenticateToRead(token);
      guard.permit(who, Action.READ, Ownership.NONE, EntityType.CLIENT, null);
      return ports.clients().list(filter, page);
    });
  }
}
