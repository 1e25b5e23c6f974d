package com.epicevents.crm.application.contract;

import com.epicevents.crm.application.fake.InMemoryStore;

/** The LoginAttemptStore contract, against the in-memory fake. */
class InMemoryLoginAttemptStoreContractTest extends LoginAttemptStoreContract {
  private final PortsUnderTest ports = InMemoryPorts.of(new InMemoryStore());

  @Override
  protected PortsUnderTest ports() {
    return ports;
  }
}
