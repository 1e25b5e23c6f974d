package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.client.ClientId;
import java.util.Optional;

/** Stores clients. Saves check the version read (optimistic locking). */
public interface ClientRepository {
  Optional<Client> findById(ClientId id);

  Optional<ClientView> findView(ClientId id);

  /** Inserts a new client; returns it with its id and version 1. */
  Client insert(Client client);

  /**
   * Saves a changed client if its stored version still equals {@code client.version()}; returns it
   * with the next version, else throws ConcurrentModification.
   */
  Client update(Client client);

  Page<ClientView> list(ClientFilter filter, PageRequest page);
}
