package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ReassignClientUseCase;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;

final class ReassignClientService implements ReassignClientUseCase {
  private final CorePorts ports;
  private final Guard guard;

  ReassignClientService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public ClientView reassign(AuthToken token, ClientId clientId, CollaboratorId newSalesContactId, Long expectedVersion) {
    long id = clientId.value();
    return guard.runUpdate(expectedVersion, () -> {
      Authenticated who = guard.authenticate(token);
      guard.permitTeam(who, Action.REASSIGN_CLIENT, EntityType.CLIENT, id);
      ClientView current = Loads.client(ports, clientId);
      Client client = current.client();
      guard.permit(who, Action.REASSIGN_CLIENT, Ownership.ofClientInChargeOf(client.salesContactId()), EntityType.CLIENT, id);
      Versions.require(expectedVersion, client.version(), "CLIENT", id, current);
      guard.requirePasswordConfirmed(who);
      Collaborator salesperson = newSalesContactId == null ? null
          : ports.collaborators().findById(newSalesContactId).orElse(null);
      Client changed = client.reassignTo(salesperson, guard.now());
      if (changed.salesContactId().equals(client.salesContactId())) {
        return current;
      }
      Client stored = ports.clients().update(changed);
      guard.audit(who, "REASSIGNED", EntityType.CLIENT, id, AuditChanges.of(client, stored));
      ClientView view = new ClientView(stored, salesperson.fullName().value());
      guard.announce(who, "REASSIGNED", EntityType.CLIENT, id, AuditChanges.of(client, stored), view);
      return view;
    });
  }
}
