package com.epicevents.crm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.EventFilter;
import com.epicevents.crm.application.port.out.EventRepository;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.EventId;
import com.epicevents.crm.domain.event.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What every EventRepository does, whatever stores it. */
public abstract class EventRepositoryContract extends PortContractSupport {

  private EventRepository repository() {
    return ports().events();
  }

  @Test
  void insertAssignsAnIdAndVersionOneAndFindByIdReturnsTheSameEvent() {
    Contract contract = newSignedContract(newClient(newCollaborator(Team.SALES)));
    Event full = newEvent(contract, newCollaborator(Team.SUPPORT), at(60));
    Event sparse = repository().insert(Event.plan(contract,
        new EventDetails(null, "Ask for Léa", "Lyon", 0, null), Schedule.UNKNOWN, null, NOW));

    assertNotNull(full.id());
    assertEquals(1, full.version());
    assertEquals(Optional.of(full), repository().findById(full.id()));
    assertEquals(Optional.of(sparse), repository().findById(sparse.id()));
  }

  @Test
  void theViewCarriesTheClientItsSalesContactAndTheSupportContactsName() {
    Collaborator sales = newCollaborator(Team.SALES);
    Client client = newClient(sales);
    Contract contract = newSignedContract(client);
    Collaborator support = newCollaborator(Team.SUPPORT);
    Event assigned = newEvent(contract, support, at(60));
    Event unassigned = newEvent(contract, null, null);

    assertEquals(Optional.of(new EventView(assigned, client.id(), client.fullName().value(), sales.id(),
        support.fullName().value())), repository().findView(assigned.id()));
    assertEquals(Optional.of(new EventView(unassigned, client.id(), client.fullName().value(), sales.id(), null)),
        repository().findView(unassigned.id()));
  }

  @Test
  void unknownIdFindsNothing() {
    assertEquals(Optional.empty(), repository().findById(EventId.of(987_654_321_000L)));
    assertEquals(Optional.empty(), repository().findView(EventId.of(987_654_321_000L)));
  }

  @Test
  void updateSavesDetailsScheduleAndSupportAndBumpsTheVersion() {
    Contract contract = newSignedContract(newClient(newCollaborator(Team.SALES)));
    Event inserted = newEvent(contract, null, null);
    Collaborator support = newCollaborator(Team.SUPPORT);

    Event changed = inserted
        .updateDetails(new EventDetails("Renamed", "Someone else", "Nantes", 20, "note"), at(1))
        .reschedule(new Schedule(at(120), at(180)), at(1))
        .assignSupport(support, at(1));
    Event saved = repository().update(changed);

    assertEquals(2, saved.version());
    assertEquals(Optional.of(saved), repository().findById(inserted.id()));
    assertEquals(support.id(), saved.supportContactId());
  }

  @Test
  void updateWithAStaleVersionIsRefusedWithTheCurrentViewAndChangesNothing() {
    Collaborator sales = newCollaborator(Team.SALES);
    Client client = newClient(sales);
    Event inserted = newEvent(newSignedContract(client), null, at(60));
    Collaborator support = newCollaborator(Team.SUPPORT);
    Event current = repository().update(inserted.assignSupport(support, at(1)));
    Event stale = inserted.updateDetails(new EventDetails("Lost", "Lost", "Lost", 1, null), at(2));

    ConcurrentModification conflict = assertThrows(ConcurrentModification.class, () -> repository().update(stale));

    assertEquals(inserted.id().value(), conflict.id());
    assertTrue("event".equalsIgnoreCase(conflict.entityType()));
    assertEquals(new EventView(current, client.id(), client.fullName().value(), sales.id(), support.fullName().value()),
        conflict.current());
    assertEquals(Optional.of(current), repository().findById(inserted.id()));
  }

  @Test
  void updateOfAnUnknownEventIsNotFound() {
    Event ghost = newEvent(newSignedContract(newClient(newCollaborator(Team.SALES))), null, null)
        .stored(EventId.of(987_654_321_000L), 1, NOW);

    assertThrows(NotFound.class, () -> repository().update(ghost));
  }

  @Test
  void listFiltersByContractSupportAssignmentAndSalesContact() {
    Collaborator sales = newCollaborator(Team.SALES);
    Contract first = newSignedContract(newClient(sales));
    Contract second = newSignedContract(newClient(sales));
    Collaborator support = newCollaborator(Team.SUPPORT);
    Event supported = newEvent(first, support, at(60));
    Event unassignedFirst = newEvent(first, null, at(60));
    Event unassignedSecond = newEvent(second, null, null);
    Event otherSalesEvent = newEvent(newSignedContract(newClient(newCollaborator(Team.SALES))), support, null);
    Set<Long> mine = ids(supported, unassignedFirst, unassignedSecond);

    assertEquals(mine, listed(new EventFilter(null, null, null, sales.id(), null, null)));
    assertEquals(ids(supported, unassignedFirst), listed(new EventFilter(first.id(), null, null, null, null, null)));
    assertEquals(ids(supported, otherSalesEvent), listed(new EventFilter(null, support.id(), null, null, null, null)));
    assertEquals(ids(unassignedFirst, unassignedSecond), listed(new EventFilter(null, null, true, sales.id(), null, null)));
    assertEquals(ids(supported), listed(new EventFilter(null, null, false, sales.id(), null, null)));
    assertEquals(ids(supported), listed(new EventFilter(null, support.id(), null, sales.id(), null, null)));
    assertEquals(ids(unassignedFirst, unassignedSecond), idsAmong(
        allPages(p -> repository().list(new EventFilter(null, null, true, null, null, null), p), 50, EventRepositoryContract::id),
        EventRepositoryContract::id, union(mine, ids(otherSalesEvent))));
  }

  @Test
  void startBoundsIncludeFromExcludeToAndNeverMatchAnEventWithoutStart() {
    Collaborator sales = newCollaborator(Team.SALES);
    Contract contract = newSignedContract(newClient(sales));
    Event atFrom = newEvent(contract, null, at(100));
    Event inside = newEvent(contract, null, at(150));
    Event atTo = newEvent(contract, null, at(200));
    newEvent(contract, null, null);
    Instant from = at(100);
    Instant to = at(200);

    assertEquals(ids(atFrom, inside), listed(new EventFilter(contract.id(), null, null, null, from, to)));
    assertEquals(ids(atFrom, inside, atTo), listed(new EventFilter(contract.id(), null, null, null, from, null)));
    assertEquals(ids(atFrom, inside), listed(new EventFilter(contract.id(), null, null, null, null, to)));
    assertEquals(ids(inside), listed(new EventFilter(contract.id(), null, null, null, at(101), to)));
  }

  @Test
  void keysetPagesListEveryEventExactlyOnceInIdOrder() {
    Contract contract = newSignedContract(newClient(newCollaborator(Team.SALES)));
    List<Event> created = Stream.generate(() -> newEvent(contract, null, null)).limit(5).toList();
    Set<Long> mine = created.stream().map(e -> e.id().value()).collect(Collectors.toSet());

    List<EventView> all = allPages(p -> repository().list(EventFilter.ALL, p), 2, EventRepositoryContract::id);
    List<EventView> filtered = allPages(
        p -> repository().list(new EventFilter(contract.id(), null, null, null, null, null), p), 2,
        EventRepositoryContract::id);

    assertEquals(mine, idsAmong(all, EventRepositoryContract::id, mine));
    assertEquals(created, filtered.stream().map(EventView::event).toList());
  }

  private Set<Long> listed(EventFilter filter) {
    return allPages(p -> repository().list(filter, p), 50, EventRepositoryContract::id)
        .stream().map(EventRepositoryContract::id).collect(Collectors.toSet());
  }

  private static long id(EventView view) {
    return view.event().id().value();
  }

  private static Set<Long> ids(Event... events) {
    return Stream.of(events).map(e -> e.id().value()).collect(Collectors.toSet());
  }

  private static Set<Long> union(Set<Long> a, Set<Long> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
  }
}
