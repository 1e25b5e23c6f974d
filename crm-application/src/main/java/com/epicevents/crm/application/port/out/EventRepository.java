package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventId;
import java.util.Optional;

/** Stores events. Saves check the version read (optimistic locking). */
public interface EventRepository {
  Optional<Event> findById(EventId id);

  Optional<EventView> findView(EventId id);

  /** Inserts a new event; returns it with its id and version 1. */
  Event insert(Event event);

  /**
   * Saves a changed event if its stored version still equals {@code event.version()}; returns it
   * with the next version, else throws ConcurrentModification.
   */
  Event update(Event event);

  Page<EventView> list(EventFilter filter, PageRequest page);
}
