package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.client.Client;

final class CreateClientService implements CreateClientUseCase {
  private final CorePorts ports;
  private final Guard guard;

  CreateClientService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public ClientView create(AuthToken token, Command command) {
    return guard.run(() -> {
      Authenticated who = guard.authenticate(token);
      guard.permit(who, Action.CREATE_CLIENT, Ownership.NONE, EntityType.CLIENT, null);
      guard.requirePasswordConfirmed(who);
      Client created = ports.clients().insert(Client.create(command.fullName(), command.email(),
          command.phone(), command.companyName(), command.lastContactAt(), who.collaborator(), guard.now()));
      guard.audit(who, "CREATED", EntityType.CLIENT, created.id().value(), AuditChanges.of(null, created));
      ClientView view = new ClientView(created, who.collaborator().fullName().value());
      guard.announce(who, "CREATED", EntityType.CLIENT, created.id().value(), AuditChanges.of(null, created), view);
      return view;
    });
  }
}
