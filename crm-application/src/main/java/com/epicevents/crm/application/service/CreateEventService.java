package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateEventUseCase;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.domain.event.Event;

final class CreateEventService implements CreateEventUseCase {
  private final CorePorts ports;
  private final Guard guard;

  CreateEventService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public EventView create(AuthToken token, Command command) {
    return guard.run(() -> {
      Authenticated who = guard.authenticate(token);
      guard.permitTeam(who, Action.CREATE_EVENT, EntityType.EVENT, null);
      if (command.supportContactId() != null) {
        // Choosing the support contact is assigning support, which only management may do.
        guard.permitTeam(who, Action.ASSIGN_EVENT_SUPPORT, EntityType.EVENT, null);
      }
      ContractView contract;
      try {
        contract = Loads.contract(ports, command.contractId());
      } catch (NotFound e) {
        throw ValidationFailed.of("contractId", "no contract with id " + command.contractId());
      }
      guard.permit(who, Action.CREATE_EVENT, Ownership.ofClientInChargeOf(contract.salesContactId()),
          EntityType.EVENT, null);
      guard.requirePasswordConfirmed(who);
      Collaborator support = Supports.load(ports, command.supportContactId());
      Event created = ports.events().insert(
          Event.plan(contract.contract(), command.details(), command.schedule(), support, guard.now()));
      guard.audit(who, "CREATED", EntityType.EVENT, created.id().value(), AuditChanges.of(null, created));
      EventView view = new EventView(created, contract.contract().clientId(), contract.clientName(),
          contract.salesContactId(), support == null ? null : support.fullName().value());
      guard.announce(who, "CREATED", EntityType.EVENT, created.id().value(), AuditChanges.of(null, created), view);
      return view;
    });
  }
}
