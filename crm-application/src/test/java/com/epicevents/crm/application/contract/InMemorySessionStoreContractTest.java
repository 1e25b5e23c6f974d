package com.epicevents.crm.application.contract;

import com.epicevents.crm.application.fake.InMemoryStore;

/** The SessionStore contract, against the in-memory fake. */
class InMemorySessionStoreContractTest extends SessionStoreContract {
  private final PortsUnderTest ports = InMemoryPorts.of(new InMemoryStore());

  @Override
  protected PortsUnderTest ports() {
    return ports;
  }
}
