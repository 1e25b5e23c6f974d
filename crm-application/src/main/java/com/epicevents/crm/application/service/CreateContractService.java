package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateContractUseCase;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.Map;

final class CreateContractService implements CreateContractUseCase {
  private final CorePorts ports;
  private final Guard guard;

  CreateContractService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public ContractView create(AuthToken token, Command command) {
    ContractView saved = guard.run(() -> {
      Authenticated who = guard.authenticate(token);
      guard.permit(who, Action.CREATE_CONTRACT, Ownership.NONE, EntityType.CONTRACT, null);
      ClientView client;
      try {
        client = Loads.client(ports, command.clientId());
      } catch (NotFound e) {
        throw ValidationFailed.of("clientId", "no client with id " + command.clientId());
      }
      guard.requirePasswordConfirmed(who);
      Contract created = ports.contracts().insert(Contract.create(command.clientId(),
          command.totalAmount(), command.amountDue(), command.signed(), guard.now()));
      guard.audit(who, "CREATED", EntityType.CONTRACT, created.id().value(), AuditChanges.of(null, created));
      ContractView view = new ContractView(created, client.client().fullName().value(), client.client().salesContactId());
      guard.announce(who, "CREATED", EntityType.CONTRACT, created.id().value(), AuditChanges.of(null, created), view);
      return view;
    });
    if (saved.contract().signed()) {
      ports.errorReporter().businessEvent("contract signed", Map.of("contractId", saved.contract().id().toString(),
          "clientId", saved.contract().clientId().toString()));
    }
    return saved;
  }
}
