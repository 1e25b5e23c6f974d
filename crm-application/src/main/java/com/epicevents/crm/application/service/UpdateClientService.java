package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.UpdateClientUseCase;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.client.Client;

final class UpdateClientService implements UpdateClientUseCase {
  private final CorePorts ports;
  private final Guard guard;

  UpdateClientService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public ClientView update(AuthToken token, Command command) {
    long id = command.id().value();
    return guard.runUpdate(command.expectedVersion(), () -> {
      Authenticated who = guard.authenticate(token);
      guard.permitTeam(who, Action.UPDATE_CLIENT, EntityType.CLIENT, id);
      ClientView current = Loads.client(ports, command.id());
      Client client = current.client();
      guard.permit(who, Action.UPDATE_CLIENT, Ownership.ofClientInChargeOf(client.salesContactId()), EntityType.CLIENT, id);
      Versions.require(command.expectedVersion(), client.version(), "CLIENT", id, current);
      guard.requirePasswordConfirmed(who);
      Client changed = client.updateDetails(
          FieldUpdate.apply(command.fullName(), client.fullName()),
          FieldUpdate.apply(command.email(), client.email()),
          FieldUpdate.apply(command.phone(), client.phone()),
          FieldUpdate.apply(command.companyName(), client.companyName()),
          FieldUpdate.apply(command.lastContactAt(), client.lastContactAt()),
          guard.now());
      Changes changes = AuditChanges.of(client, changed);
      if (changes.isEmpty()) {
        return current;
      }
      Client stored = ports.clients().update(changed);
      guard.audit(who, "UPDATED", EntityType.CLIENT, id, changes);
      ClientView view = new ClientView(stored, current.salesContactName());
      guard.announce(who, "UPDATED", EntityType.CLIENT, id, changes, view);
      return view;
    });
  }
}
