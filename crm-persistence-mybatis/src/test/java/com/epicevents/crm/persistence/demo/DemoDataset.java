package com.epicevents.crm.persistence.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.EventFilter;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.persistence.PersistenceAdapters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Every demo record, read back through the MyBatis repositories (so each one went through the
 * domain's value objects and constructors), with the cross-record rules checked on the way.
 */
record DemoDataset(
    List<Collaborator> collaborators,
    List<ClientView> clients,
    List<ContractView> contracts,
    List<EventView> events) {

  static DemoDataset readThrough(PersistenceAdapters app) {
    return new DemoDataset(
        all(after -> app.collaborators().list(CollaboratorFilter.ALL, page(after))),
        all(after -> app.clients().list(ClientFilter.ALL, page(after))),
        all(after -> app.contracts().list(ContractFilter.ALL, page(after))),
        all(after -> app.events().list(EventFilter.ALL, page(after))));
  }

  /**
   * The rules no single record can show: sales contacts are in SALES, support contacts in
   * SUPPORT, events belong to signed contracts, nothing but events lies after {@code now}.
   */
  void assertConsistent(Instant now) {
    Map<CollaboratorId, Team> teams = new HashMap<>();
    collaborators.forEach(c -> teams.put(c.id(), c.team()));
    assertTrue(collaborators.stream().allMatch(Collaborator::active), "demo collaborators are active");
    for (ClientView view : clients) {
      assertEquals(Team.SALES, teams.get(view.client().salesContactId()), "sales contact of " + view.client().id());
      assertFalse(view.client().lastContactAt().isAfter(now), "last contact of " + view.client().id());
      assertFalse(view.client().createdAt().isAfter(view.client().lastContactAt()), "client " + view.client().id());
    }
    Map<ContractId, Contract> byId = new HashMap<>();
    for (ContractView view : contracts) {
      Contract k = view.contract();
      byId.put(k.id(), k);
      assertTrue(k.amountDue().compareTo(k.totalAmount()) <= 0, "due within total of " + k.id());
      assertEquals(k.signed(), k.signedAt() != null, "signed_at iff signed of " + k.id());
      if (k.signed()) {
        assertFalse(k.signedAt().isBefore(k.createdAt()) || k.signedAt().isAfter(now), "signing time of " + k.id());
      }
      assertEquals(Team.SALES, teams.get(view.salesContactId()), "sales contact of contract " + k.id());
    }
    for (EventView view : events) {
      Event e = view.event();
      Contract k = byId.get(e.contractId());
      assertNotNull(k, "contract of event " + e.id());
      assertTrue(k.signed(), "event " + e.id() + " is on a signed contract");
      if (e.supportContactId() != null) {
        assertEquals(Team.SUPPORT, teams.get(e.supportContactId()), "support contact of event " + e.id());
        assertNotNull(view.supportContactName());
      }
      assertFalse(e.createdAt().isAfter(now), "creation of event " + e.id());
    }
  }

  Map<Team, Long> collaboratorsPerTeam() {
    Map<Team, Long> perTeam = new EnumMap<>(Team.class);
    collaborators.forEach(c -> perTeam.merge(c.team(), 1L, Long::sum));
    return perTeam;
  }

  long contracts(boolean signed, boolean fullyPaid) {
    return contracts.stream().map(ContractView::contract)
        .filter(k -> k.signed() == signed && k.fullyPaid() == fullyPaid).count();
  }

  long unassignedEvents() {
    return events.stream().filter(v -> v.event().supportContactId() == null).count();
  }

  long eventsStarting(boolean future, Instant now) {
    return events.stream().map(v -> v.event().schedule().startAt())
        .filter(start -> start != null && start.isAfter(now) == future).count();
  }

  private static PageRequest page(long after) {
    return new PageRequest(after, PageRequest.MAX_LIMIT);
  }

  private static <T> List<T> all(LongFunction<Page<T>> pageAfter) {
    List<T> items = new ArrayList<>();
    Page<T> page = pageAfter.apply(0);
    items.addAll(page.items());
    while (page.hasNext()) {
      page = pageAfter.apply(page.nextAfter());
      items.addAll(page.items());
    }
    return items;
  }
}
