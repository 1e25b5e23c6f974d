package com.epicevents.crm.persistence.internal.repository;

import static com.epicevents.crm.persistence.internal.repository.Times.micros;

import com.epicevents.crm.application.port.out.EventFilter;
import com.epicevents.crm.application.port.out.EventRepository;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.EventId;
import com.epicevents.crm.domain.event.Schedule;
import com.epicevents.crm.persistence.internal.mapper.EventMapper;
import com.epicevents.crm.persistence.internal.mapper.EventRow;
import com.epicevents.crm.persistence.internal.mapper.Stamp;
import java.util.Objects;
import java.util.Optional;

/** Events in crm.events, viewed with their client, its sales contact and the support contact's name. */
public final class MyBatisEventRepository implements EventRepository {
  static final String TYPE = "Event";
  private final MyBatisTransactions tx;

  public MyBatisEventRepository(MyBatisTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<Event> findById(EventId id) {
    return findView(id).map(EventView::event);
  }

  @Override
  public Optional<EventView> findView(EventId id) {
    return Optional.ofNullable(tx.withMapperByKey(EventMapper.class, m -> m.findById(id.value())))
        .map(MyBatisEventRepository::toView);
  }

  @Override
  public Event insert(Event event) {
    EventRow row = toRow(event);
    Stamp stamp = tx.withMapper(EventMapper.class, m -> m.insert(row));
    return toDomain(row.stored(stamp));
  }

  @Override
  public Event update(Event event) {
    EventId id = Objects.requireNonNull(event.id(), "an update needs the event's id");
    EventRow row = toRow(event);
    return tx.withMapper(EventMapper.class, m -> {
      Stamp stamp = m.update(row);
      if (stamp == null) {
        EventRow current = m.findById(id.value());
        if (current == null) {
          throw new NotFound(TYPE, id.value());
        }
        throw new ConcurrentModification(TYPE, id.value(), toView(current));
      }
      return toDomain(row.stored(stamp));
    });
  }

  @Override
  public Page<EventView> list(EventFilter filter, PageRequest page) {
    EventFilter f = filter == null ? EventFilter.ALL : filter;
    var rows = tx.withMapper(EventMapper.class, m -> m.list(
        f.contractId() == null ? null : f.contractId().value(),
        f.supportContactId() == null ? null : f.supportContactId().value(),
        f.unassigned(),
        f.salesContactId() == null ? null : f.salesContactId().value(),
        f.from(),
        f.to(),
        page.after(),
        page.limit() + 1));
    return Page.fromRows(rows, page.limit(), EventRow::id).map(MyBatisEventRepository::toView);
  }

  static EventRow toRow(Event e) {
    EventDetails d = e.details();
    return new EventRow(
        e.id() == null ? null : e.id().value(),
        e.contractId().value(),
        d.name(),
        d.clientContact(),
        micros(e.schedule().startAt()),
        micros(e.schedule().endAt()),
        e.supportContactId() == null ? null : e.supportContactId().value(),
        d.location(),
        d.attendees(),
        d.notes(),
        micros(e.createdAt()),
        micros(e.updatedAt()),
        e.version(),
        null,
        null,
        null,
        null);
  }

  static Event toDomain(EventRow r) {
    return new Event(
        EventId.of(r.id()),
        ContractId.of(r.contractId()),
        new EventDetails(r.name(), r.clientContact(), r.location(), r.attendees(), r.notes()),
        new Schedule(r.startAt(), r.endAt()),
        r.supportContactId() == null ? null : CollaboratorId.of(r.supportContactId()),
        r.createdAt(),
        r.updatedAt(),
        r.version());
  }

  static EventView toView(EventRow r) {
    return new EventView(toDomain(r), ClientId.of(r.clientId()), r.clientName(),
        CollaboratorId.of(r.salesContactId()), r.supportContactName());
  }
}
