package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.EventFilter;
import com.epicevents.crm.application.port.out.EventRepository;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventId;
import java.time.Instant;
import java.util.Optional;

public final class InMemoryEventRepository implements EventRepository {
  private final InMemoryStore store;

  InMemoryEventRepository(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public Optional<Event> findById(EventId id) {
    return store.locked(() -> Optional.ofNullable(store.events.get(id.value())));
  }

  @Override
  public Optional<EventView> findView(EventId id) {
    return store.locked(() -> Optional.ofNullable(store.events.get(id.value())).map(this::view));
  }

  @Override
  public Event insert(Event event) {
    return store.locked(() -> {
      requireReferences(event);
      long id = store.nextId();
      Event stored = event.stored(new EventId(id), 1, event.updatedAt());
      store.events.put(id, stored);
      return stored;
    });
  }

  @Override
  public Event update(Event event) {
    return store.locked(() -> {
      long id = event.id().value();
      Event current = store.events.get(id);
      if (current == null) {
        throw new NotFound("EVENT", id);
      }
      if (current.version() != event.version()) {
        throw new ConcurrentModification("EVENT", id, view(current));
      }
      requireReferences(event);
      Event stored = event.stored(event.id(), current.version() + 1, event.updatedAt());
      store.events.put(id, stored);
      return stored;
    });
  }

  @Override
  public Page<EventView> list(EventFilter filter, PageRequest page) {
    return store.locked(() -> Paging.page(store.events, e -> matches(e, filter), page, e -> e.id().value())
        .map(this::view));
  }

  private boolean matches(Event e, EventFilter f) {
    Instant start = e.schedule().startAt();
    return (f.contractId() == null || e.contractId().equals(f.contractId()))
        && (f.supportContactId() == null || f.supportContactId().equals(e.supportContactId()))
        && (f.unassigned() == null || (e.supportContactId() == null) == f.unassigned())
        && (f.salesContactId() == null || client(e).salesContactId().equals(f.salesContactId()))
        && (f.from() == null || (start != null && !start.isBefore(f.from())))
        && (f.to() == null || (start != null && start.isBefore(f.to())));
  }

  private void requireReferences(Event event) {
    if (!store.contracts.containsKey(event.contractId().value())) {
      throw ValidationFailed.of("contractId", "no contract with id " + event.contractId());
    }
    if (event.supportContactId() != null && !store.collaborators.containsKey(event.supportContactId().value())) {
      throw ValidationFailed.of("supportContactId", "no collaborator with id " + event.supportContactId());
    }
  }

  private Client client(Event e) {
    Contract contract = store.contracts.get(e.contractId().value());
    return store.clients.get(contract.clientId().value());
  }

  EventView view(Event e) {
    Client client = client(e);
    String support = e.supportContactId() == null ? null
        : store.collaborators.get(e.supportContactId().value()).fullName().value();
    return new EventView(e, client.id(), client.fullName().value(), client.salesContactId(), support);
  }
}
