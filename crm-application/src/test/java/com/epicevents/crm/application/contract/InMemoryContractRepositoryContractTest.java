package com.epicevents.crm.application.contract;

import com.epicevents.crm.application.fake.InMemoryStore;

/** The ContractRepository contract, against the in-memory fake. */
class InMemoryContractRepositoryContractTest extends ContractRepositoryContract {
  private final PortsUnderTest ports = InMemoryPorts.of(new InMemoryStore());

  @Override
  protected PortsUnderTest ports() {
    return ports;
  }
}
