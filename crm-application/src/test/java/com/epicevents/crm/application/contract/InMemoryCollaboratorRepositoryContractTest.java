package com.epicevents.crm.application.contract;

import com.epicevents.crm.application.fake.InMemoryStore;

/** The CollaboratorRepository contract, against the in-memory fake. */
class InMemoryCollaboratorRepositoryContractTest extends CollaboratorRepositoryContract {
  private final PortsUnderTest ports = InMemoryPorts.of(new InMemoryStore());

  @Override
  protected PortsUnderTest ports() {
    return ports;
  }
}
