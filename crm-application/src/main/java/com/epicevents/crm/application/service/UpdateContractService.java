package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.UpdateContractUseCase;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.contract.Contract;
import java.time.Instant;
import java.util.Map;

final class UpdateContractService implements UpdateContractUseCase {
  private final CorePorts ports;
  private final Guard guard;

  UpdateContractService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public ContractView update(AuthToken token, Command command) {
    long id = command.id().value();
    boolean[] signedNow = {false};
    ContractView saved = guard.runUpdate(command.expectedVersion(), () -> {
      Authenticated who = guard.authenticate(token);
      guard.permitTeam(who, Action.UPDATE_CONTRACT, EntityType.CONTRACT, id);
      ContractView current = Loads.contract(ports, command.id());
      Contract contract = current.contract();
      guard.permit(who, Action.UPDATE_CONTRACT, Ownership.ofClientInChargeOf(current.salesContactId()),
          EntityType.CONTRACT, id);
      Versions.require(command.expectedVersion(), contract.version(), "CONTRACT", id, current);
      guard.requirePasswordConfirmed(who);
      Instant now = guard.now();
      Contract changed = contract;
      if (command.totalAmount() != null || command.amountDue() != null) {
        changed = changed.changeAmounts(
            command.totalAmount() != null ? command.totalAmount() : contract.totalAmount(),
            command.amountDue() != null ? command.amountDue() : contract.amountDue(), now);
      }
      if (Boolean.TRUE.equals(command.signed())) {
        changed = changed.sign(now);
      } else if (Boolean.FALSE.equals(command.signed())) {
        changed = changed.unsign();
      }
      Changes changes = AuditChanges.of(contract, changed);
      if (changes.isEmpty()) {
        return current;
      }
      Contract stored = ports.contracts().update(changed);
      signedNow[0] = stored.signed() && !contract.signed();
      guard.audit(who, signedNow[0] ? "SIGNED" : "UPDATED", EntityType.CONTRACT, id, changes);
      ContractView view = new ContractView(stored, current.clientName(), current.salesContactId());
      guard.announce(who, signedNow[0] ? "SIGNED" : "UPDATED", EntityType.CONTRACT, id, changes, view);
      return view;
    });
    if (signedNow[0]) {
      ports.errorReporter().businessEvent("contract signed", Map.of("contractId", String.valueOf(id),
          "clientId", saved.contract().clientId().toString()));
    }
    return saved;
  }
}
