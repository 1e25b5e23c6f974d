package com.epicevents.crm.application.contract;

import com.epicevents.crm.application.fake.InMemoryStore;

/** The EventRepository contract, against the in-memory fake. */
class InMemoryEventRepositoryContractTest extends EventRepositoryContract {
  private final PortsUnderTest ports = InMemoryPorts.of(new InMemoryStore());

  @Override
  protected PortsUnderTest ports() {
    return ports;
  }
}
