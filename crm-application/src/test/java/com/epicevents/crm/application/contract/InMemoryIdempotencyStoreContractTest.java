package com.epicevents.crm.application.contract;

import com.epicevents.crm.application.fake.InMemoryStore;

/** The IdempotencyStore contract, against the in-memory fake. */
class InMemoryIdempotencyStoreContractTest extends IdempotencyStoreContract {
  private final PortsUnderTest ports = InMemoryPorts.of(new InMemoryStore());

  @Override
  protected PortsUnderTest ports() {
    return ports;
  }
}
