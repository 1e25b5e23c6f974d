package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.event.EventId;

/** Loads a record (with the names shown beside it) or fails with NotFound. */
final class Loads {
  private Loads() {}

  static ClientView client(CorePorts ports, ClientId id) {
    return ports.clients().findView(id).orElseThrow(() -> new NotFound("CLIENT", id.value()));
  }

  static ContractView contract(CorePorts ports, ContractId id) {
    return ports.contracts().findView(id).orElseThrow(() -> new NotFound("CONTRACT", id.value()));
  }

  static EventView event(CorePorts ports, EventId id) {
    return ports.events().findView(id).orElseThrow(() -> new NotFound("EVENT", id.value()));
  }
}
