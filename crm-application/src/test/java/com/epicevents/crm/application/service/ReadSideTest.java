package com.epicevents.crm.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.ExpectedVersion;
import com.epicevents.crm.application.port.in.ViewEventsUseCase.Query;
import com.epicevents.crm.application.port.out.ClientFilter;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.domain.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** The read side: every filter, keyset paging, and what the directory shows to whom. */
class ReadSideTest {
  final TestCrm crm = new TestCrm();
  final Collaborator manager = crm.collaborator("manager", Team.MANAGEMENT);
  final Collaborator alice = crm.collaborator("alice", Team.SALES);
  final Collaborator bob = crm.collaborator("bob", Team.SALES);
  final Collaborator sam = crm.collaborator("sam", Team.SUPPORT);
  final Collaborator sue = crm.collaborator("sue", Team.SUPPORT);

  static <T> List<T> allPages(Function<PageRequest, Page<T>> fetch, int limit, ToLongFunction<T> idOf) {
    List<T> all = new ArrayList<>();
    PageRequest request = PageRequest.first(limit);
    while (true) {
      Page<T> page = fetch.apply(request);
      assertTrue(page.items().size() <= limit);
      all.addAll(page.items());
      if (!page.hasNext()) {
        return all;
      }
      request = new PageRequest(page.nextAfter(), limit);
    }
  }

  @Test
  void keysetPagesCoverEveryClientExactlyOnceInIdOrder() {
    for (int i = 0; i < 23; i++) {
      crm.client("Client " + i, i % 2 == 0 ? alice : bob);
    }
    AuthToken token = crm.login(sam);
    List<ClientView> seen = allPages(p -> crm.useCases.clients().list(token, ClientFilter.ALL, p), 5,
        v -> v.client().id().value());
    assertEquals(23, seen.size());
    assertEquals(23, new HashSet<>(seen.stream().map(v -> v.client().id()).toList()).size());
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i - 1).client().id().value() < seen.get(i).client().id().value());
    }
  }

  @Test
  void anExactlyFullLastPageSaysThereIsNoNextPage() {
    for (int i = 0; i < 4; i++) {
      crm.client("Client " + i, alice);
    }
    Page<ClientView> page = crm.useCases.clients().list(crm.login(alice), ClientFilter.ALL, PageRequest.first(4));
    assertEquals(4, page.items().size());
    assertNull(page.nextAfter());
  }

  @Test
  void clientsFilterBySalesContactAndByTextInNameCompanyOrEmail() {
    crm.client("Kevin Casey", alice);
    crm.client("Anna Smith", bob);
    crm.client("John Kevinson", bob);
    AuthToken token = crm.login(manager);
    List<ClientView> bobs = crm.useCases.clients().list(token, new ClientFilter(bob.id(), null), PageRequest.firstDefault()).items();
    assertEquals(List.of("Anna Smith", "John Kevinson"), bobs.stream().map(v -> v.client().fullName().value()).toList());
    assertEquals("Bob", bobs.get(0).salesContactName());
    List<ClientView> kevins = crm.useCases.clients().list(token, new ClientFilter(null, "KEVIN"), PageRequest.firstDefault()).items();
    assertEquals(2, kevins.size());
    assertEquals(1, crm.useCases.clients().list(token, new ClientFilter(bob.id(), "kevin"), PageRequest.firstDefault()).items().size());
    assertEquals(1, crm.useCases.clients().list(token, new ClientFilter(null, "anna.smith@client"), PageRequest.firstDefault()).items().size());
  }

  @Test
  void contractsFilterBySignatureByPaymentByClientAndBySalesContact() {
    Client a = crm.client("Client A", alice);
    Client b = crm.client("Client B", bob);
    Contract unsignedA = crm.contract(a, "100", "100", false);
    Contract paidA = crm.contract(a, "100", "0", true);
    Contract owingB = crm.contract(b, "100", "50", true);
    AuthToken token = crm.login(sam);
    assertEquals(List.of(unsignedA.id()), contractIds(token, new ContractFilter(null, false, null, null)));
    assertEquals(List.of(unsignedA.id(), owingB.id()), contractIds(token, new ContractFilter(null, null, false, null)));
    assertEquals(List.of(paidA.id()), contractIds(token, new ContractFilter(null, null, true, null)));
    assertEquals(List.of(unsignedA.id(), paidA.id()), contractIds(token, new ContractFilter(a.id(), null, null, null)));
    assertEquals(List.of(owingB.id()), contractIds(token, new ContractFilter(null, null, null, bob.id())));
  }

  private List<Object> contractIds(AuthToken token, ContractFilter filter) {
    return crm.useCases.contracts().list(token, filter, PageRequest.firstDefault()).items().stream()
        .map(v -> (Object) v.contract().id()).toList();
  }

  @Test
  void contractsFollowTheirClientWhenItIsReassigned() {
    Client a = crm.client("Client A", alice);
    Contract contract = crm.contract(a, "100", "100", false);
    crm.useCases.reassignClient().reassign(crm.login(manager), a.id(), bob.id(), ExpectedVersion.ANY);
    var view = crm.useCases.contracts().get(crm.login(bob), contract.id());
    assertEquals(bob.id(), view.salesContactId());
  }

  @Test
  void eventsFilterUnassignedMineByContractBySupportAndByDates() {
    Client a = crm.client("Client A", alice);
    Client b = crm.client("Client B", bob);
    Contract ka = crm.contract(a, "100", "0", true);
    Contract kb = crm.contract(b, "100", "0", true);
    Event e1 = crm.event(ka, sam);
    Event e2 = crm.event(ka, null);
    crm.clock.advance(Duration.ofDays(10));
    Event e3 = crm.event(kb, sue);

    assertEquals(List.of(e2.id()), eventIds(crm.login(sue), Query.unassignedOnly()));
    assertEquals(List.of(e1.id(), e2.id()), eventIds(crm.login(alice), Query.mineOnly()));
    assertEquals(List.of(e3.id()), eventIds(crm.login(bob), Query.mineOnly()));
    assertEquals(List.of(e1.id()), eventIds(crm.login(sam), Query.mineOnly()));
    assertEquals(List.of(e3.id()), eventIds(crm.login(manager), new Query(kb.id(), null, null, false, null, null)));
    assertEquals(List.of(e3.id()), eventIds(crm.login(manager), new Query(null, sue.id(), null, false, null, null)));
    var e3Start = e3.schedule().startAt();
    assertEquals(List.of(e3.id()), eventIds(crm.login(manager), new Query(null, null, null, false, e3Start, e3Start.plusSeconds(1))));
    assertEquals(List.of(e1.id(), e2.id()), eventIds(crm.login(manager), new Query(null, null, null, false, null, e3Start)));
    assertThrows(ValidationFailed.class, () -> eventIds(crm.login(manager), new Query(null, null, null, false, e3Start, e3Start.minusSeconds(1))));
  }

  @Test
  void everyEventShowsItsClientsNameAndSupportContact() {
    Client a = crm.client("Client Ouane", alice);
    Event e = crm.event(crm.contract(a, "100", "0", true), sam);
    EventView view = crm.useCases.events().get(crm.login(bob), e.id());
    assertEquals("Client Ouane", view.clientName());
    assertEquals("Sam", view.supportContactName());
    assertEquals(a.id(), view.clientId());
  }

  private List<Object> eventIds(AuthToken token, Query query) {
    return crm.useCases.events().list(token, query, PageRequest.firstDefault()).items().stream()
        .map(v -> (Object) v.event().id()).toList();
  }

  @Test
  void theDirectoryHidesColleaguesEmailAndPhoneFromAllButManagement() {
    CollaboratorView seenBySales = crm.useCases.collaborators().get(crm.login(alice), sam.id());
    assertNull(seenBySales.email());
    assertNull(seenBySales.phone());
    CollaboratorView self = crm.useCases.collaborators().get(crm.login(alice), alice.id());
    assertNotNull(self.email());
    CollaboratorView seenByManager = crm.useCases.collaborators().get(crm.login(manager), sam.id());
    assertEquals("sam@epic-events.test", seenByManager.email());
    assertNotNull(seenByManager.phone());
  }

  @Test
  void theDirectoryFiltersByTeamAndActivity() {
    crm.deactivated(sue);
    AuthToken token = crm.login(alice);
    var support = crm.useCases.collaborators().list(token, new CollaboratorFilter(Team.SUPPORT, true), PageRequest.firstDefault());
    assertEquals(List.of("sam"), support.items().stream().map(CollaboratorView::username).toList());
  }

  @Test
  void aPageLimitOutsideOneTo200IsRefusedNamingLimit() {
    ValidationFailed e = assertThrows(ValidationFailed.class, () -> PageRequest.first(201));
    assertEquals("limit", e.errors().get(0).field());
    assertThrows(ValidationFailed.class, () -> PageRequest.first(0));
  }
}
