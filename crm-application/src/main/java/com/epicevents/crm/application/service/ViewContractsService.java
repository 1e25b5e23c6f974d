package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ViewContractsUseCase;
import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.contract.ContractId;

final class ViewContractsService implements ViewContractsUseCase {
  private final CorePorts ports;
  private final Guard guard;

  ViewContractsService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public ContractView get(AuthToken token, ContractId id) {
    return guard.read(() -> {
      Reader who = guard.authenticateToRead(token);
      guard.permit(who, Action.READ, Ownership.NONE, EntityType.CONTRACT, id.value());
      return Loads.contract(ports, id);
    });
  }

  @Override
  public Page<ContractView> list(AuthToken token, ContractFilter filter, PageRequest page) {
    return guard.read(() -> {
      Reader who = guard.authenticateToRead(token);
      boolean unsignedOrUnpaid = Boolean.FALSE.equals(filter.signed()) || Boolean.FALSE.equals(filter.fullyPaid());
      guard.permit(who, unsignedOrUnpaid ? Action.LIST_UNSIGNED_OR_UNPAID_CONTRACTS : Action.READ,
          Ownership.NONE, EntityType.CONTRACT, null);
      return ports.contracts().list(filter, page);
    });
  }
}
