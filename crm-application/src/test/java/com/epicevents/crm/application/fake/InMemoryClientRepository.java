package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientRepository;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.Locale;
import java.util.Optional;

public final class InMemoryClientRepository implements ClientRepository {
  private final InMemoryStore store;

  InMemoryClientRepository(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public Optional<Client> findById(ClientId id) {
    return store.locked(() -> Optional.ofNullable(store.clients.get(id.value())));
  }

  @Override
  public Optional<ClientView> findView(ClientId id) {
    return store.locked(() -> Optional.ofNullable(store.clients.get(id.value())).map(this::view));
  }

  @Override
  public Client insert(Client client) {
    return store.locked(() -> {
      requireSalesContact(client);
      long id = store.nextId();
      Client stored = client.stored(new ClientId(id), 1, client.updatedAt());
      store.clients.put(id, stored);
      return stored;
    });
  }

  @Override
  public Client update(Client client) {
    return store.locked(() -> {
      long id = client.id().value();
      Client current = store.clients.get(id);
      if (current == null) {
        throw new NotFound("CLIENT", id);
      }
      if (current.version() != client.version()) {
        throw new ConcurrentModification("CLIENT", id, view(current));
      }
      requireSalesContact(client);
      Client stored = client.stored(client.id(), current.version() + 1, client.updatedAt());
      store.clients.put(id, stored);
      return stored;
    });
  }

  @Override
  public Page<ClientView> list(ClientFilter filter, PageRequest page) {
    String text = filter.text() == null || filter.text().isBlank() ? null : filter.text().toLowerCase(Locale.ROOT);
    return store.locked(() -> Paging.page(store.clients,
        c -> (filter.salesContactId() == null || c.salesContactId().equals(filter.salesContactId()))
            && (text == null || contains(c.fullName().value(), text) || contains(c.companyName().value(), text)
                || (c.email() != null && contains(c.email().value(), text))),
        page, c -> c.id().value()).map(this::view));
  }

  private static boolean contains(String value, String lowerNeedle) {
    return value.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }

  private void requireSalesContact(Client client) {
    if (!store.collaborators.containsKey(client.salesContactId().value())) {
      throw ValidationFailed.of("salesContactId", "no collaborator with id " + client.salesContactId());
    }
  }

  ClientView view(Client c) {
    return new ClientView(c, store.collaborators.get(c.salesContactId().value()).fullName().value());
  }
}
